// Read models by allow-list: a response carries a field because a permission the caller holds names it.
import type { Permission } from "./authz";

/** The fields everyone may read (`public`), and the fields each permission adds. */
export type FieldSpec<T> = { readonly public: readonly (keyof T)[] } & { readonly [P in Permission]?: readonly (keyof T)[] };

type Gated<T, S extends FieldSpec<T>> = {
  [P in Exclude<keyof S, "public">]: S[P] extends readonly (infer K)[] ? K : never;
}[Exclude<keyof S, "public">];

/** What a read model gives: the public fields always, each gated field only to those it was named for. */
export type Shaped<T, S extends FieldSpec<T>> = Pick<T, S["public"][number]> & Partial<Pick<T, Extract<Gated<T, S>, keyof T>>>;

type KeysOf<S, P> = P extends keyof S ? (S[P] extends readonly (infer K)[] ? K : never) : never;
/** What a caller known to hold `P` gets: `P`'s fields are certainly there. */
export type ShapedWith<T, S extends FieldSpec<T>, P extends Permission> = Shaped<T, S> & Pick<T, Extract<KeysOf<S, P>, keyof T>>;

export type ReadModel<T, S extends FieldSpec<T>> = {
  readonly spec: S;
  /** The fields a caller holding `grants` gets, in the order the spec names them. */
  fields(grants: ReadonlySet<Permission>): (keyof T)[];
  one(row: T, grants: ReadonlySet<Permission>): Shaped<T, S>;
  many(rows: readonly T[], grants: ReadonlySet<Permission>): Shaped<T, S>[];
  /** For a use case that has authorized `permission`: the same rows, typed with that permission's fields present. */
  manyWith<P extends Permission>(rows: readonly T[], grants: ReadonlySet<Permission>, permission: P): ShapedWith<T, S, P>[];
};

/**
 * Declares a read model over rows of type `T`. Nothing outside the spec is ever copied, so a column a
 * query gains later reaches no caller until someone names it for a permission.
 */
export function readModel<T>() {
  return <const S extends FieldSpec<T>>(spec: S): ReadModel<T, S> => {
    const fields = (grants: ReadonlySet<Permission>): (keyof T)[] => {
      const out = [...spec.public];
      for (const permission of grants) out.push(...(spec[permission] ?? []));
      return [...new Set(out)];
    };
    const project = (row: T, keys: (keyof T)[]) => {
      const out: Partial<T> = {};
      for (const k of keys) out[k] = row[k];
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the one place a shape is asserted: exactly the keys the spec names for these grants were copied
      return out as Shaped<T, S>;
    };
    return {
      spec,
      fields,
      one: (row, grants) => project(row, fields(grants)),
      many: (rows, grants) => {
        const keys = fields(grants);
        return rows.map((r) => project(r, keys));
      },
      manyWith: <P extends Permission>(rows: readonly T[], grants: ReadonlySet<Permission>, permission: P) => {
        if (!grants.has(permission)) throw new Error(`read model used for ${permission} by a caller without it`);
        const keys = fields(grants);

        return rows.map((r) => project(r, keys) as ShapedWith<T, S, P>);
      },
    };
  };
}
