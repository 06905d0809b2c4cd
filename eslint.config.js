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
  // Playwright fixtures call `use`, which is not React's hook, and take `{}` when they need no other fixture.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" } },
  { files: ["lib/**"], rules: layer(["@/app/*", "@/components/*", "@/db/*", "../app/*", "../components/*", "../db/*"], "lib/ depends on nothing above it") },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/db/*", "!@/db/schema"], message: "components/ may use lib/ and components/ only (types from db/schema)" }] }] } },
  { files: ["db/**"], rules: layer(["@/app/*", "@/components/*", "../app/*", "../components/*", "../../app/*", "../../components/*"], "db/ may use lib/ only") },
);
