/**
 * Renders a FormSpec as a real PDF (A4, PDF 1.4) written by hand: no font file
 * and no library. Chinese text uses the standard non-embedded CJK font
 * STSong-Light (a Type0 font, encoding UniGB-UCS2-H, CIDFontType0 descendant,
 * Adobe-GB1-2), so every string is big-endian UCS-2 in a hex string. A
 * ToUnicode CMap makes the text extractable and searchable.
 *
 * The blank template and the filled sample share one layout (row heights come
 * from the sample values), so a citizen sees exactly where each answer goes.
 */
import type { FormSpec } from './types'

const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
const MARGIN_X = 56.7 // 2 cm
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
const BOTTOM_LIMIT = 72 // keep clear of the footer

const TITLE_SIZE = 18
const BODY_SIZE = 11
const NOTE_SIZE = 10
const FOOTER_SIZE = 9
const LABEL_COLUMN = 140
const CELL_PADDING = 7
const BODY_LEADING = 16
const NOTE_LEADING = 15
const MIN_ROW_HEIGHT = 30
/** Handwriting is wider than print: rows get the height the sample would need in this share of the cell. */
const HANDWRITING_FACTOR = 0.7

const ISSUER = '玉门市市民中心 制'
const WATERMARK = '填写样例'
const SAMPLE_LABEL = '样例'

type Rgb = readonly [number, number, number]
const BLACK: Rgb = [0, 0, 0]
const SAMPLE_BLUE: Rgb = [0.05, 0.2, 0.65]
const STAMP_RED: Rgb = [0.8, 0.08, 0.08]
const WATERMARK_GREY: Rgb = [0.87, 0.87, 0.87]
const LABEL_FILL: Rgb = [0.94, 0.94, 0.94]
const FOOTER_GREY: Rgb = [0.35, 0.35, 0.35]

/** Characters that must not start a line (避头点): they hang at the end of the previous one. */
const NO_LINE_START = new Set('，。、；：！？）》」』”’,.;:!?)%')
/** Characters that must not end a line (避尾点). */
const NO_LINE_END = new Set('（《「『“‘(')

/**
 * Advance widths (1/1000 em) of the proportional Latin glyphs, CIDs 1–95 of
 * Adobe-GB1 in STSong-Light, which UniGB-UCS2-H maps U+0020–U+007E to. The
 * same table goes into the font's /W array, so measuring and drawing agree.
 * Every other character is a full-width glyph of 1000 (/DW).
 */
const LATIN_WIDTHS = [
  207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462, 462, 462,
  462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772,
  544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417, 503, 427, 529, 415, 264, 444,
  518, 241, 230, 495, 228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605,
]

function glyphWidth(char: string): number {
  const code = char.codePointAt(0)!
  return code >= 0x20 && code <= 0x7e ? LATIN_WIDTHS[code - 0x20] : 1000
}

export function textWidth(text: string, size: number): number {
  let units = 0
  for (const char of text) units += glyphWidth(char)
  return (units * size) / 1000
}

const WORD_CHAR = /[A-Za-z0-9*]/

/**
 * Where a full line breaks before `next`: a Latin word or number (an ID such
 * as 620981198503****** included) moves down whole, and so does an opening
 * bracket with what it opens, unless that would empty the line.
 */
function splitForBreak(line: string, next: string): [string, string] {
  const chars = [...line]
  let keep = chars.length
  if (WORD_CHAR.test(next)) while (keep > 0 && WORD_CHAR.test(chars[keep - 1])) keep--
  if (keep > 0 && NO_LINE_END.has(chars[keep - 1])) keep--
  if (keep === 0) return [line, '']
  return [chars.slice(0, keep).join(''), chars.slice(keep).join('')]
}

/** Greedy line breaking by character, as Chinese text breaks, with hanging punctuation. */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    let width = 0
    for (const char of paragraph) {
      const w = (glyphWidth(char) * size) / 1000
      if (width + w > maxWidth && line !== '' && !NO_LINE_START.has(char)) {
        const [kept, carried] = splitForBreak(line, char)
        lines.push(kept)
        line = carried
        width = textWidth(carried, size)
      }
      line += char
      width += w
    }
    lines.push(line)
  }
  return lines
}

/** UCS-2 big-endian hex. Characters outside the BMP cannot be encoded and become 〓 (U+3013). */
export function ucs2Hex(text: string): string {
  let hex = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    hex += (code > 0xffff ? 0x3013 : code).toString(16).toUpperCase().padStart(4, '0')
  }
  return hex
}

function num(n: number): string {
  return Number(n.toFixed(2)).toString()
}

function rgb([r, g, b]: Rgb, op: 'rg' | 'RG'): string {
  return `${num(r)} ${num(g)} ${num(b)} ${op}`
}

/** One page's content stream, as PDF operators. */
class PageCanvas {
  readonly ops: string[] = []

  text(x: number, y: number, size: number, text: string, color: Rgb = BLACK, bold = false): void {
    if (text === '') return
    const style = bold ? `2 Tr ${num(size / 40)} w ${rgb(color, 'RG')} ` : ''
    this.ops.push(`q ${rgb(color, 'rg')} ${style}BT /F1 ${num(size)} Tf ${num(x)} ${num(y)} Td <${ucs2Hex(text)}> Tj ET Q`)
  }

  centredText(y: number, size: number, text: string, color: Rgb = BLACK, bold = false): void {
    this.text((PAGE_WIDTH - textWidth(text, size)) / 2, y, size, text, color, bold)
  }

  rect(x: number, y: number, w: number, h: number, options: { fill?: Rgb; stroke?: Rgb; lineWidth?: number }): void {
    const paint = options.fill && options.stroke ? 'B' : options.fill ? 'f' : 'S'
    const parts = ['q']
    if (options.fill) parts.push(rgb(options.fill, 'rg'))
    if (options.stroke) parts.push(rgb(options.stroke, 'RG'), `${num(options.lineWidth ?? 0.8)} w`)
    parts.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re ${paint} Q`)
    this.ops.push(parts.join(' '))
  }

  /** Large light-grey diagonal text across the page centre, drawn first so it stays behind the form. */
  watermark(text: string): void {
    const size = 88
    const angle = (35 * Math.PI) / 180
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const half = textWidth(text, size) / 2
    const rise = size * 0.35
    const x = PAGE_WIDTH / 2 - cos * half + sin * rise
    const y = PAGE_HEIGHT / 2 - sin * half - cos * rise
    this.ops.push(
      `q ${rgb(WATERMARK_GREY, 'rg')} BT /F1 ${size} Tf ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(x)} ${num(y)} Tm <${ucs2Hex(text)}> Tj ET Q`,
    )
  }
}

interface LaidOutRow {
  label: string[]
  value: string[]
  height: number
}

function layoutRows(form: FormSpec): LaidOutRow[] {
  const labelWidth = LABEL_COLUMN - 2 * CELL_PADDING
  const valueWidth = CONTENT_WIDTH - LABEL_COLUMN - 2 * CELL_PADDING
  return form.fields.map((field) => {
    const label = wrapText(field.label, BODY_SIZE, labelWidth)
    const value = wrapText(field.sample, BODY_SIZE, valueWidth)
    // Room for handwriting: size the row as if the value had to fit a narrower cell.
    const writingLines = wrapText(field.sample, BODY_SIZE, valueWidth * HANDWRITING_FACTOR).length
    const lines = Math.max(label.length, value.length, writingLines)
    return { label, value, height: Math.max(MIN_ROW_HEIGHT, lines * BODY_LEADING + 2 * CELL_PADDING - 2) }
  })
}

/** Draws lines vertically centred in a cell whose top is `top`. */
function cellText(canvas: PageCanvas, x: number, top: number, height: number, lines: string[], color: Rgb): void {
  const block = lines.length * BODY_LEADING
  let baseline = top - (height - block) / 2 - BODY_LEADING + (BODY_LEADING - BODY_SIZE) / 2 + 2
  for (const line of lines) {
    canvas.text(x, baseline, BODY_SIZE, line, color)
    baseline -= BODY_LEADING
  }
}

function layoutPages(form: FormSpec, filled: boolean): PageCanvas[] {
  const pages: PageCanvas[] = []
  let canvas!: PageCanvas
  let y = 0

  const startPage = () => {
    canvas = new PageCanvas()
    pages.push(canvas)
    if (filled) {
      canvas.watermark(WATERMARK)
      // A red stamp-like label, top right: this copy is a sample, not a form to submit.
      const w = textWidth(SAMPLE_LABEL, 16) + 16
      const x = PAGE_WIDTH - MARGIN_X - w
      canvas.rect(x, PAGE_HEIGHT - 62, w, 26, { stroke: STAMP_RED, lineWidth: 1.5 })
      canvas.text(x + 8, PAGE_HEIGHT - 55, 16, SAMPLE_LABEL, STAMP_RED, true)
    }
    const title = pages.length === 1 ? form.title : `${form.title}（续）`
    canvas.centredText(PAGE_HEIGHT - 92, TITLE_SIZE, title, BLACK, true)
    y = PAGE_HEIGHT - 118
  }

  startPage()

  // The table: one row per field, label | value, with a heavier outer border per page.
  let tableTop = y
  const closeTable = () => {
    if (tableTop > y) canvas.rect(MARGIN_X, y, CONTENT_WIDTH, tableTop - y, { stroke: BLACK, lineWidth: 1.3 })
  }
  for (const row of layoutRows(form)) {
    if (y - row.height < BOTTOM_LIMIT) {
      closeTable()
      startPage()
      tableTop = y
    }
    const bottom = y - row.height
    canvas.rect(MARGIN_X, bottom, LABEL_COLUMN, row.height, { fill: LABEL_FILL, stroke: BLACK })
    canvas.rect(MARGIN_X + LABEL_COLUMN, bottom, CONTENT_WIDTH - LABEL_COLUMN, row.height, { stroke: BLACK })
    cellText(canvas, MARGIN_X + CELL_PADDING, y, row.height, row.label, BLACK)
    if (filled) cellText(canvas, MARGIN_X + LABEL_COLUMN + CELL_PADDING, y, row.height, row.value, SAMPLE_BLUE)
    y = bottom
  }
  closeTable()

  // Notes (填表说明) under the table.
  if (form.notes.length > 0) {
    y -= 26
    if (y < BOTTOM_LIMIT) startPage()
    canvas.text(MARGIN_X, y, NOTE_SIZE + 1, '填表说明：', BLACK, true)
    y -= NOTE_LEADING + 2
    form.notes.forEach((note, i) => {
      const marker = `${i + 1}. `
      const indent = textWidth(marker, NOTE_SIZE)
      wrapText(note, NOTE_SIZE, CONTENT_WIDTH - indent).forEach((line, j) => {
        if (y < BOTTOM_LIMIT) {
          startPage()
        }
        if (j === 0) canvas.text(MARGIN_X, y, NOTE_SIZE, marker)
        canvas.text(MARGIN_X + indent, y, NOTE_SIZE, line)
        y -= NOTE_LEADING
      })
    })
  }

  pages.forEach((page, i) => {
    page.centredText(40, FOOTER_SIZE, ISSUER, FOOTER_GREY)
    if (pages.length > 1) {
      const pageNumber = `第${i + 1}页 共${pages.length}页`
      page.text(PAGE_WIDTH - MARGIN_X - textWidth(pageNumber, FOOTER_SIZE), 40, FOOTER_SIZE, pageNumber, FOOTER_GREY)
    }
  })
  return pages
}

/** Maps every 2-byte code to the same Unicode value (UniGB-UCS2-H codes are UCS-2), skipping surrogates. */
function toUnicodeCMap(): string {
  const ranges: string[] = []
  for (let high = 0; high <= 0xff; high++) {
    if (high >= 0xd8 && high <= 0xdf) continue
    const h = high.toString(16).toUpperCase().padStart(2, '0')
    ranges.push(`<${h}00> <${h}FF> <${h}00>`)
  }
  const blocks: string[] = []
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100)
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`)
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n')
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`
}

/**
 * The PDF bytes of a form: the blank template (`filled: false`) or the filled
 * sample (`filled: true`: values in blue, a 填写样例 watermark, a red 样例 label).
 * Deterministic: the same form always gives the same bytes.
 */
export function renderFormPdf(form: FormSpec, opts: { filled: boolean }): Buffer {
  const pages = layoutPages(form, opts.filled)
  const title = opts.filled ? `${form.title}（填写样例）` : form.title

  // Fixed objects 1–7, then a page and its content stream per page.
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${8 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 [${LATIN_WIDTHS.join(' ')}]] >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    stream(toUnicodeCMap()),
    `<< /Title <FEFF${ucs2Hex(title)}> /Author <FEFF${ucs2Hex(ISSUER.replace(' 制', ''))}> /Creator (Paoyici seed) /Producer (Paoyici formPdf) >>`,
  ]
  for (const [i, page] of pages.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${9 + 2 * i} 0 R >>`,
    )
    objects.push(stream(page.ops.join('\n')))
  }

  // Every byte below is ASCII except the binary marker in the header, so latin1 keeps offsets exact.
  let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xrefOffset = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}
