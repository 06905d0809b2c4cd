"use client";
// Signs out on the server (the session row is deleted), then reloads the current page as a visitor.
import { authClient } from "@/lib/auth-client";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="button-secondary"
      data-testid="sign-out"
      onClick={async () => {
        await authClient.signOut();
        window.location.assign("/");
      }}
    >
      {label}
    </button>
  );
}
