import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "../../app/utils/forms.ts";

describe("parseForm", () => {
  const schema = z.object({
    name: z.string().min(2, "Too short"),
    age: z.coerce.number().int("Whole years"),
  });
  it("returns typed data", () => {
    const form = new FormData();
    form.set("name", "Sam");
    form.set("age", "41");
    expect(parseForm(form, schema)).toEqual({ data: { name: "Sam", age: 41 }, errors: null });
  });
  it("returns the first error per field", () => {
    const form = new FormData();
    form.set("name", "S");
    form.set("age", "4.5");
    expect(parseForm(form, schema)).toEqual({
      data: null,
      errors: { name: "Too short", age: "Whole years" },
    });
  });
});
