const path = require("node:path")

// Medusa's design system (the preset Medusa Admin is built with) over the panel's sources and @medusajs/ui's components.
module.exports = {
  presets: [require("@medusajs/ui-preset")],
  content: [
    path.join(__dirname, "index.html"),
    path.join(__dirname, "src/**/*.{ts,tsx}"),
    path.join(path.dirname(require.resolve("@medusajs/ui")), "**/*.{js,jsx,ts,tsx}"),
  ],
  darkMode: "class",
}
