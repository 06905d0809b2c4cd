"use client";
// A header navigation link that marks itself as the current page.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  // On the map, prefetching the other pages competes with the map's own first requests.
  return (
    <Link href={href} aria-current={current ? "page" : undefined} prefetch={pathname.startsWith("/map") ? false : undefined}>
      {children}
    </Link>
  );
}
