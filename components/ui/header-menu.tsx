"use client";
// The header's links, account and language: a row on wide screens; on a phone, one "menu" button
// that opens them as a column (and closes again when a link is followed or the language switched).
import { useState, type ReactNode } from "react";

export function HeaderMenu({ label, closeLabel, children }: { label: string; closeLabel: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className={`header-menu${open ? " open" : ""}`}>
      <button type="button" className="menu-button button-secondary" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen(!open)}>
        {open ? closeLabel : label}
      </button>
      <div
        id="site-menu"
        className="menu-body"
        onClick={(e) => {
          // Following a link or switching the language closes the menu.
          if (e.target instanceof Element && e.target.closest("a, button[type=submit]")) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
