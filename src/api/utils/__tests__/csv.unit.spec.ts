import { toCsv } from "../csv"

describe("toCsv", () => {
  it("quotes, escapes and defuses formulas but keeps numbers numeric", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        { a: '=HYPERLINK("x")', b: -12.5, c: 'say "hi", ok' },
        { a: "+1", b: 0, c: "@cmd" },
        { a: null, b: undefined, c: "line\nbreak" },
      ]
    )
    expect(csv).toBe('a,b,c\r\n"\'=HYPERLINK(""x"")",-12.5,"say ""hi"", ok"\r\n\'+1,0,\'@cmd\r\n,,"line\nbreak"\r\n')
  })
})
