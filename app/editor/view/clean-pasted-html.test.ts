import { describe, expect, test } from "vitest";
import { cleanPastedHtml, isProseMirrorHtml } from "./clean-pasted-html";

const inClause = { headingsAsClauses: true };
const inCell = { headingsAsClauses: false };

// Abridged from what Word for Windows puts on the clipboard.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">
<style><!-- p.MsoNormal {margin:0cm;} --></style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><!--StartFragment-->
<h1 style='mso-outline-level:1'><span lang=EN-US>5<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>技术要求<o:p></o:p></h1>
<p class=MsoNormal style='text-indent:21.0pt'><span style='font-family:宋体;mso-ascii-font-family:"Times New Roman"'>充电接口应符合<b>GB/T 20234.3</b>的规定，电压为U<sub>N</sub>。<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>a)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>额定电压；<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span lang=EN-US>1)<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>直流；<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>b)<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>额定电流。<o:p></o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h2>5.1 <i>温升</i></h2>
<p class=MsoNormal>温升不应超过50 K。</p>
<!--EndFragment--></body></html>`;

describe("cleaning pasted HTML", () => {
  test("Word: styles, classes, spans, Office tags and comments go; headings become clauses; list paragraphs become lists", () => {
    expect(cleanPastedHtml(WORD, inClause)).toBe(
      '<section data-type="clause"><h2 data-type="clause_title">技术要求</h2>' +
        "<p>充电接口应符合<strong>GB/T 20234.3</strong>的规定，电压为U<sub>N</sub>。</p>" +
        '<ol data-style="alpha"><li><p>额定电压；</p><ol data-style="numeric"><li><p>直流；</p></li></ol></li><li><p>额定电流。</p></li></ol>' +
        '<section data-type="clause"><h2 data-type="clause_title"><em>温升</em></h2><p>温升不应超过50 K。</p></section>' +
        "</section>",
    );
  });

  test("a number typed before a title is dropped, a year is not", () => {
    expect(cleanPastedHtml("<h1>A.2 试验</h1><h1>2024 年度要求</h1><h1>3.1.2&nbsp;范围</h1>", inClause)).toBe(
      '<section data-type="clause"><h2 data-type="clause_title">试验</h2></section>' +
        '<section data-type="clause"><h2 data-type="clause_title">2024 年度要求</h2></section>' +
        '<section data-type="clause"><h2 data-type="clause_title">范围</h2></section>',
    );
  });

  test("where clauses cannot go, headings become bold paragraphs", () => {
    expect(cleanPastedHtml("<h1>标题</h1><p>正文</p>", inCell)).toBe("<p><strong>标题</strong></p><p>正文</p>");
  });

  test("heading levels nest relative to the first heading and never skip a level", () => {
    const html = "<p>前文</p><h2>A</h2><h4>A1</h4><h3>A2</h3><h2>B</h2>";
    expect(cleanPastedHtml(html, inClause)).toBe(
      "<p>前文</p>" +
        '<section data-type="clause"><h2 data-type="clause_title">A</h2>' +
        '<section data-type="clause"><h2 data-type="clause_title">A1</h2></section>' +
        '<section data-type="clause"><h2 data-type="clause_title">A2</h2></section></section>' +
        '<section data-type="clause"><h2 data-type="clause_title">B</h2></section>',
    );
  });

  test("Google Docs: the bold wrapper is not bold; bold, italic and raised text written as styles are", () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr"><span style="font-weight:700;">粗</span>' +
      '<span style="font-style:italic;">斜</span>m<span style="vertical-align:super;">2</span></p></b>';
    expect(cleanPastedHtml(html, inClause)).toBe("<p><strong>粗</strong><em>斜</em>m<sup>2</sup></p>");
  });

  test("web pages: divs become paragraphs, bullets lists, links and unknown elements plain text, scripts vanish", () => {
    const html =
      '<div class="post"><div>第一行<br>续行</div><div>见 <a href="https://example.org">链接</a><u>下划线</u></div>' +
      "<script>alert(1)</script><ul><li>甲</li><li>乙<ul><li>乙一</li></ul></li></ul><img src=x.png></div>";
    expect(cleanPastedHtml(html, inClause)).toBe(
      "<p>第一行<br>续行</p><p>见 链接下划线</p><ul><li><p>甲</p></li><li><p>乙</p><ul><li><p>乙一</p></li></ul></li></ul>",
    );
  });

  test("tables get a captioned table block; spans stay; a caption moves into it", () => {
    const html =
      '<table class=MsoTableGrid border=1><caption>参数</caption><tbody><tr><td colspan="2" style="width:100pt"><p class=MsoNormal><b>项目</b></p></td></tr>' +
      "<tr><td>1</td><td rowspan=1>2</td></tr></tbody></table>";
    expect(cleanPastedHtml(html, inClause)).toBe(
      '<figure data-type="table_block"><figcaption>参数</figcaption><table><tr><td colspan="2"><p><strong>项目</strong></p></td></tr>' +
        "<tr><td><p>1</p></td><td><p>2</p></td></tr></table></figure>",
    );
  });

  test("what the schema cannot hold is flattened: a table in a cell, a list in a cell, a table in a list", () => {
    const html = "<table><tr><td><table><tr><td>内</td></tr></table><ul><li>项</li></ul></td></tr></table><ul><li><table><tr><td>格</td></tr></table></li></ul>";
    expect(cleanPastedHtml(html, inClause)).toBe(
      '<figure data-type="table_block"><figcaption></figcaption><table><tr><td><p>内</p><p>项</p></td></tr></table></figure>' +
        "<ul><li><p>格</p></li></ul>",
    );
  });

  test("unclosed paragraphs, items and cells close like the browser closes them", () => {
    expect(cleanPastedHtml("<p>一<p>二<ul><li>甲<li>乙</ul><table><tr><td>1<td>2<tr><td>3</table>", inClause)).toBe(
      "<p>一</p><p>二</p><ul><li><p>甲</p></li><li><p>乙</p></li></ul>" +
        '<figure data-type="table_block"><figcaption></figcaption><table><tr><td><p>1</p></td><td><p>2</p></td></tr><tr><td><p>3</p></td></tr></table></figure>',
    );
  });

  test("Word bullets become dash lists; a plain paragraph ends the list", () => {
    const html =
      "<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span>一</p>" +
      "<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>·</span>二</p><p>后文</p>";
    expect(cleanPastedHtml(html, inClause)).toBe("<ul><li><p>一</p></li><li><p>二</p></li></ul><p>后文</p>");
  });

  test("text keeps its entities; a stray < is escaped; whitespace between blocks makes no empty paragraphs", () => {
    expect(cleanPastedHtml("<p>a &amp; b</p>\n\n   <p>&nbsp;</p>\n<p>1 < 2</p>", inClause)).toBe("<p>a &amp; b</p><p>1 &lt; 2</p>");
  });

  test("HTML copied from a ProseMirror editor is recognised, so it is parsed as it is", () => {
    expect(isProseMirrorHtml('<section data-pm-slice="1 1 []" data-type="clause"><h2>x</h2></section>')).toBe(true);
    expect(isProseMirrorHtml(WORD)).toBe(false);
    expect(isProseMirrorHtml("<p>plain</p>")).toBe(false);
  });
});
