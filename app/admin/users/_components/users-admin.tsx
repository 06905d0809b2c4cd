"use client";
// The admin's user list: add a user with a role, change or remove a role. Every change goes through the API (audited).
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import { ROLES, type Role } from "@/lib/domain";
import type { Json } from "@/lib/contract";
import { fetchJson, fieldError, sendJson } from "@/lib/fetcher";
import type { UserView } from "@/server/users";
import { useErrorText } from "../../../_components/use-error-text";

type UserRow = Json<UserView>;
type PartnerOption = { id: number; name: string };

function RoleFields({
  role,
  partnerId,
  partners,
  onChange,
  prefix,
}: {
  role: Role;
  partnerId: number | null;
  partners: PartnerOption[];
  onChange: (role: Role, partnerId: number | null) => void;
  prefix: string;
}) {
  const t = useTranslations();
  return (
    <>
      <select aria-label={t("users.role")} name={`${prefix}role`} value={role} onChange={(e) => onChange(e.target.value as Role, partnerId)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      {role === "partner" ? (
        <select
          aria-label={t("users.partner")}
          name={`${prefix}partner`}
          value={partnerId ?? ""}
          onChange={(e) => onChange(role, e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t("users.noPartner")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      ) : null}
    </>
  );
}

function UserRowEditor({ user, partners, onDone }: { user: UserRow; partners: PartnerOption[]; onDone: (message: string) => void }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const [role, setRole] = useState<Role>(user.role);
  const [partnerId, setPartnerId] = useState<number | null>(user.partnerId);
  const [error, setError] = useState<string | null>(null);
  const save = async (next: Role | null) => {
    setError(null);
    try {
      await sendJson(`/api/users/${encodeURIComponent(user.id)}`, "PATCH", { role: next, partnerId: next === "partner" ? partnerId : null });
      onDone(next ? t("saved") : t("removed"));
    } catch (err) {
      setError(t("error", { message: errorText(err) }));
    }
  };
  return (
    <tr data-testid={`user-${user.email}`}>
      <td>{user.email}</td>
      <td>{user.name}</td>
      <td>
        <RoleFields role={role} partnerId={partnerId} partners={partners} prefix={`${user.id}-`} onChange={(r, p) => (setRole(r), setPartnerId(p))} />
        {error ? (
          <div className="field-error" role="alert">
            {error}
          </div>
        ) : null}
      </td>
      <td>
        <button type="button" onClick={() => save(role)} disabled={role === user.role && partnerId === user.partnerId}>
          {t("save")}
        </button>{" "}
        <button type="button" className="button-secondary" onClick={() => save(null)}>
          {t("remove")}
        </button>
      </td>
    </tr>
  );
}

export function UsersAdmin({ partners }: { partners: PartnerOption[] }) {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const { data, error, mutate } = useSWR<{ items: UserRow[] }>("/api/users", fetchJson);
  const [status, setStatus] = useState<string | null>(null);
  const [addError, setAddError] = useState<unknown>(null);
  const [role, setRole] = useState<Role>("viewer");
  const [partnerId, setPartnerId] = useState<number | null>(null);

  const done = async (message: string) => {
    setStatus(message);
    await mutate();
  };

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setAddError(null);
    try {
      const email = String(form.get("email"));
      await sendJson("/api/users", "POST", {
        email,
        name: String(form.get("name")),
        password: String(form.get("password")),
        role,
        partnerId: role === "partner" ? partnerId : null,
      });
      formEl.reset();
      await done(t("added", { email }));
    } catch (err) {
      setAddError(err);
    }
  }

  const beside = (field: "email" | "name" | "password" | "partnerId") => {
    const issue = fieldError(addError, field);
    if (!issue) return null;
    return <span className="field-error">{field === "email" && issue.code === "taken" ? t("bad.emailTaken") : t(`bad.${field}`)}</span>;
  };

  return (
    <>
      {status ? (
        <p className="notice" role="status">
          {status}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {t("error", { message: errorText(error) })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data" data-testid="users-table">
          <thead>
            <tr>
              <th>{t("email")}</th>
              <th>{t("name")}</th>
              <th>{t("role")}</th>
              <th>{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((u) => (
              <UserRowEditor key={`${u.id}-${u.role}-${u.partnerId}`} user={u} partners={partners} onDone={done} />
            ))}
          </tbody>
        </table>
      </div>
      {data && data.items.length === 0 ? <p className="notice">{t("empty")}</p> : null}
      <h2>{t("addTitle")}</h2>
      <form className="stack-form" onSubmit={add} noValidate data-testid="add-user">
        <label>
          <span>{t("email")}</span>
          <input name="email" type="email" required autoComplete="off" />
          {beside("email")}
        </label>
        <label>
          <span>{t("name")}</span>
          <input name="name" required />
          {beside("name")}
        </label>
        <label>
          <span>{t("password")}</span>
          <input name="password" type="password" required minLength={10} autoComplete="new-password" />
          {beside("password")}
        </label>
        <label>
          <span>{t("role")}</span>
          <span>
            <RoleFields role={role} partnerId={partnerId} partners={partners} prefix="new-" onChange={(r, p) => (setRole(r), setPartnerId(p))} />
          </span>
          {beside("partnerId")}
        </label>
        {addError &&
        !fieldError(addError, "email") &&
        !fieldError(addError, "name") &&
        !fieldError(addError, "password") &&
        !fieldError(addError, "partnerId") ? (
          <p className="notice notice-error" role="alert">
            {t("error", { message: errorText(addError) })}
          </p>
        ) : null}
        <button type="submit">{t("add")}</button>
      </form>
    </>
  );
}
