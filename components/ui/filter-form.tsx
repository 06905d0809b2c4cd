// A GET form of select filters and a search box: applying it rewrites the URL, so views are shareable.
import Link from "next/link";

export type FilterField = {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  /** What the empty choice says, where "전체" would not read well (e.g. "모든 작업"). */
  allLabel?: string;
};

export function FilterForm({
  pathname,
  fields,
  search,
  labels,
  keep,
}: {
  pathname: string;
  fields: FilterField[];
  search?: { label: string; placeholder: string; value: string | undefined };
  labels: { legend: string; all: string; apply: string; reset: string };
  keep?: Record<string, string | undefined>;
}) {
  // Keyed by the values shown: a link to another view of the list (or "reset") then shows that
  // view's filters, where an uncontrolled select would keep the one picked before.
  const shown = [...fields.map((f) => f.value ?? ""), search?.value ?? ""].join("\u0000");
  return (
    <form key={shown} method="get" action={pathname} className="filters" aria-label={labels.legend}>
      {Object.entries(keep ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {fields.map((f) => (
        <label key={f.name}>
          <span>{f.label}</span>
          <select name={f.name} defaultValue={f.value ?? ""}>
            <option value="">{f.allLabel ?? labels.all}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {search ? (
        <label>
          <span>{search.label}</span>
          <input type="search" name="q" defaultValue={search.value ?? ""} placeholder={search.placeholder} />
        </label>
      ) : null}
      <button type="submit">{labels.apply}</button>
      <Link href={pathname} className="button-secondary">
        {labels.reset}
      </Link>
    </form>
  );
}
