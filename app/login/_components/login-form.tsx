"use client";
// The sign-in form: posts to the auth endpoint (rate-limited), then opens the page the user came for.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError(t("required"));
    setBusy(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({ email, password });
    if (!failure) {
      // A full load, so every server-rendered part (header, costs) shows the signed-in view.
      window.location.assign(next);
      return;
    }
    setBusy(false);
    if (failure.status === 429) setError(t("tooMany"));
    else if (failure.status === 401 || failure.status === 400) setError(t("wrong"));
    else setError(t("failed", { message: failure.message ?? String(failure.status) }));
  }

  return (
    <form className="login-form" onSubmit={onSubmit} noValidate aria-describedby={error ? "login-error" : undefined}>
      <label>
        <span>{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        <span>{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p id="login-error" className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? t("working") : t("submit")}
      </button>
    </form>
  );
}
