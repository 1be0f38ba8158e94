import type { FrameworkContent } from "./types.ts";

/** A new framework with a four-level scale, one area and one criterion to fill in. */
export function emptyFramework(): FrameworkContent {
  return {
    name: "Untitled framework",
    description: "",
    kind: "qualityMark",
    scales: [
      {
        key: "scale",
        name: "Scale",
        levels: [
          { key: "emerging", label: "Emerging", colour: "#8a4b00", meaning: "" },
          { key: "developing", label: "Developing", colour: "#1f5fa8", meaning: "" },
          { key: "secure", label: "Secure", colour: "#0f6e5a", meaning: "" },
          { key: "leading", label: "Leading", colour: "#5b3a99", meaning: "" },
        ],
      },
    ],
    areas: [
      {
        id: "area-1",
        title: "",
        summary: "",
        scaleKey: "scale",
        criteria: [
          {
            id: "criterion-1",
            code: "1.1",
            statement: "",
            descriptors: {},
            evidenceExpectations: [],
          },
        ],
      },
    ],
    accreditationRule: { type: "minimumLevels", everyCriterionAtLeast: "secure" },
    validityMonths: 36,
  };
}
