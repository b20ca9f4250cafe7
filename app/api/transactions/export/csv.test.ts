import { describe, expect, it } from "vitest";
import { csvCell, csvLine, decimalAmount } from "./csv";

describe("CSV export cells", () => {
  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });

  it("keeps text that looks like a formula as text", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-5", { text: false })).toBe("-5");
  });

  it("ends every line with CRLF", () => {
    expect(csvLine(["a", { number: "1.00" }, null])).toBe("a,1.00,\r\n");
  });
});

describe("decimal amounts from minor units", () => {
  it("prints the currency's precision, never a float", () => {
    expect(decimalAmount(123456, 2)).toBe("1234.56");
    expect(decimalAmount(5, 2)).toBe("0.05");
    expect(decimalAmount(0, 2)).toBe("0.00");
    expect(decimalAmount(500, 0)).toBe("500");
    expect(decimalAmount(-1001, 2)).toBe("-10.01");
    expect(decimalAmount(9_007_199_254_740_991, 2)).toBe("90071992547409.91");
  });
});
