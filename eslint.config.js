// ESLint for the course's browser scripts: the kernel-free explorer and the quiz.
// Both run as plain <script> in a page (no modules, no build step), in today's browsers.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["aatd/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      eqeqeq: "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // quiz.js: the renderer replaces AATD_ROOT_ID with the quiz's element id (a JSON string).
    files: ["aatd/quiz/quiz.js"],
    languageOptions: { globals: { AATD_ROOT_ID: "readonly" } },
  },
];
