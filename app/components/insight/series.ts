/** Marker shapes and colours for up to six series: told apart by shape as well as colour. */
export const SERIES_STYLE = [
  { symbol: "circle", colour: "#1f4e79", name: "circle", mark: "●" },
  { symbol: "square", colour: "#b3541e", name: "square", mark: "■" },
  { symbol: "diamond", colour: "#2e7d32", name: "diamond", mark: "◆" },
  { symbol: "triangleUp", colour: "#6a1b9a", name: "triangle", mark: "▲" },
  { symbol: "star", colour: "#8d6e00", name: "star", mark: "★" },
  { symbol: "plus", colour: "#ad1457", name: "plus", mark: "✚" },
] as const;
