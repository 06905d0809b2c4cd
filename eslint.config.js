// Lint rules: TypeScript, React hooks, Next.js, and the import rules between the folders.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const layer = (patterns, message) => ({ "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] });

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "reports/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["scripts/**", "*.config.*"], languageOptions: { globals: globals.node } },
  // Type-aware rules: a promise is awaited, returned or voided on purpose, never dropped by accident.
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  // The request context, the use cases and the read models assert no types they have not checked.
  {
    files: ["server/**/*.ts", "lib/read-model.ts", "lib/validation.ts", "lib/import-plan.ts", "lib/errors.ts", "lib/contract.ts"],
    ignores: ["**/*.test.ts", "server/cli/**"],
    rules: { "@typescript-eslint/no-unsafe-type-assertion": "error" },
  },
  // Playwright fixtures call `use`, which is not React's hook, and take `{}` when they need no other fixture.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" } },
  { files: ["lib/**"], rules: layer(["@/app/*", "@/components/*", "@/db/*", "../app/*", "../components/*", "../db/*"], "lib/ depends on nothing above it") },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "@/db/*", "!@/db/schema"], message: "components/ may use lib/ and components/ only (types from db/schema)" }] },
      ],
    },
  },
  {
    files: ["db/**"],
    ignores: ["db/**/*.test.ts", "db/testing/**"],
    rules: layer(
      [
        "@/app/*",
        "@/components/*",
        "@/server/*",
        "../app/*",
        "../components/*",
        "../server/*",
        "../../app/*",
        "../../components/*",
        "../../server/*",
        "next",
        "next/*",
        "react",
      ],
      "db/ may use lib/ only (and nothing of the framework)",
    ),
  },
  {
    files: ["server/**"],
    ignores: ["server/**/*.test.ts"],
    rules: layer(["@/app/*", "@/components/*", "../app/*", "../components/*"], "server/ may use db/ and lib/ only"),
  },
  // Routes and pages go through the request context and the use cases: no database handle, no queries, no auth library.
  {
    files: ["app/**"],
    ignores: ["app/**/*.test.ts", "app/api/_testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db/*", "!@/db/schema"], message: "app/ reaches the database through server/ use cases (types from db/schema only)" },
            { group: ["better-auth", "better-auth/*"], message: "app/ reaches sign-in through server/auth" },
          ],
        },
      ],
    },
  },
);
