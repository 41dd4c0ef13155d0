import { describe, expect, it } from "vitest";
import { rawHtmlProblems } from "../src/raw-html.js";

describe("raw HTML in articles", () => {
  it("allows plain structural HTML", () => {
    expect(rawHtmlProblems('<figure class="wide"><img src="/images/a.jpg" srcset="/images/a.jpg 1x, ../images/b.jpg 2x" alt="Київ" width="800" height="600"><figcaption>Фото: <a href="https://x.ua/?a=1&amp;b=2">x</a></figcaption></figure>')).toEqual([]);
    expect(rawHtmlProblems('<details open><summary>Докладніше</summary><table><tr><th scope="col">A</th></tr></table></details>')).toEqual([]);
    expect(rawHtmlProblems('<a href="../arkhiv/">архів</a> <a href="mailto:red@x.ua">пошта</a> <a href="#p2">далі</a>')).toEqual([]);
  });

  it.each([
    ["<script>alert(1)</script>", "<script> is not allowed"],
    ["<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<script> is not allowed"],
    ['<iframe src="https://evil.example"></iframe>', "<iframe> is not allowed"],
    ["<style>body{display:none}</style>", "<style> is not allowed"],
    ['<img src="x" onerror="alert(1)">', "attribute onerror on <img> is not allowed (event handlers run code)"],
    ['<a href="javascript:alert(1)">x</a>', 'href "javascript:alert(1)" on <a> is not allowed'],
    ['<a href="  JaVaScRiPt:alert(1)">x</a>', "on <a> is not allowed"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "on <a> is not allowed"],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', 'src "data:image/svg+xml'],
    ['<p style="position:fixed">x</p>', "attribute style on <p> is not allowed"],
    ['<form action="https://evil.example"><input name="q"></form>', "<form> is not allowed"],
    ['<img src="https://tracker.example/pixel.gif" alt="">', "images are stored with the site"],
    ['<img src="//tracker.example/pixel.gif" alt="">', "images are stored with the site"],
  ])("refuses %s", (html, problem) => {
    const problems = rawHtmlProblems(html);
    expect(problems.some((text) => text.includes(problem)), problems.join("\n")).toBe(true);
  });
});
