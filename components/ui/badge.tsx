// A small coloured label for a status, category or provenance code.
export function Badge({ tone, children }: { tone: string; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** "추정" after a figure or a place that is an estimate, so nobody reads it as published or surveyed; nothing otherwise. */
export function EstimateMark({ on, label }: { on: boolean; label: string }) {
  return on ? (
    <>
      {" "}
      <Badge tone="estimate">{label}</Badge>
    </>
  ) : null;
}
