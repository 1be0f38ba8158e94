import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      ".tools/**",
      "data/**",
      "node_modules/**",
      "bench-results/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "mongoose", message: "Only models/ and server/ talk to the database." }],
        },
      ],
    },
  },
  {
    files: ["models/**", "server/**", "tests/**", "collab/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
