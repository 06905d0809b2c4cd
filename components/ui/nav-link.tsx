"use client";
// Header links. On the map they do not prefetch: prefetching other pages competes with the map's
// own first requests (its code, its data) for the server and the browser.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";

export function HeaderLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const pathname = usePathname();
  return <Link {...props} prefetch={pathname.startsWith("/map") ? false : undefined} />;
}

/** A header navigation link that marks itself as the current page. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <HeaderLink href={href} aria-current={current ? "page" : undefined}>
      {children}
    </HeaderLink>
  );
}
