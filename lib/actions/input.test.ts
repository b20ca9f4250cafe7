import { describe, expect, it } from "vitest";
import { actionInput, formValues, MAX_TEXT } from "./input";

describe("action input", () => {
  it("reads single fields as strings and named multi-valued fields as arrays", () => {
    const form = new FormData();
    form.append("name", "Spring");
    form.append("adProducts", "traffic");
    form.append("adProducts", "topview");
    form.append("logo", new Blob(["x"]));
    expect(formValues(form, ["adProducts", "countries"])).toEqual({ name: "Spring", adProducts: ["traffic", "topview"], countries: [] });
    expect(actionInput(form, ["adProducts"])).toEqual({ name: "Spring", adProducts: ["traffic", "topview"] });
  });

  it("takes plain objects and refuses everything else a client can encode", () => {
    expect(actionInput({ accountId: "acc", campaignIds: ["a", "b"] })).toEqual({ accountId: "acc", campaignIds: ["a", "b"] });
    for (const bad of ["acc", 42, null, undefined, ["acc"], new Map([["accountId", "acc"]]), new Date(), true])
      expect(actionInput(bad), String(bad)).toBeNull();
  });

  it("refuses NUL bytes, oversized strings and deep or huge structures", () => {
    expect(actionInput({ code: "WELCOME\u000050" })).toBeNull();
    expect(actionInput({ ["a\u0000"]: "x" })).toBeNull();
    expect(actionInput({ code: "x".repeat(MAX_TEXT + 1) })).toBeNull();
    expect(actionInput({ code: "x".repeat(MAX_TEXT) })).not.toBeNull();
    expect(actionInput({ a: [[[["deep"]]]] })).toBeNull();
    expect(actionInput({ ids: Array.from({ length: 1_001 }, () => "c") })).toBeNull();
    const form = new FormData();
    form.append("email", "a\u0000@example.com");
    expect(actionInput(form)).toBeNull();
  });
});
