// A message box for empty states and errors that tells the reader what to do next.
export function Notice({ kind = "info", children }: { kind?: "info" | "error"; children: React.ReactNode }) {
  return (
    <p className={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
