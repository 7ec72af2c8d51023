import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoCity } from './city'
import { renderMaterialDocuments } from './documents'
import { renderFormPdf, textWidth, ucs2Hex, wrapText } from './formPdf'
import type { FormSpec } from './types'

const form: FormSpec = {
  title: '个体工商户登记（备案）申请书',
  fields: [
    { label: '经营者姓名', sample: '张明' },
    { label: '经营场所', sample: '甘肃省酒泉市玉门市新市区玉泉路58号商铺3号' },
    { label: '经营范围', sample: '许可项目：小餐饮。一般项目：食品销售（仅销售预包装食品）。' },
  ],
  notes: ['本申请书由经营者本人签字。'],
}

interface ParsedPdf {
  text: string
  objects: Map<number, string>
  pageCount: number
}

/** A small structural reader for the PDFs this module writes: xref, trailer, objects, streams. */
function parsePdf(pdf: Buffer): ParsedPdf {
  const text = pdf.toString('latin1')
  assert.match(text, /^%PDF-1\.\d\n/)
  assert.ok(text.endsWith('%%EOF\n'), 'ends with %%EOF')

  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1])
  assert.ok(Number.isInteger(startxref), 'startxref present')
  assert.equal(text.slice(startxref, startxref + 5), 'xref\n', 'startxref points at the xref table')

  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))
  assert.ok(header, 'xref subsection header')
  const size = Number(header[1])
  let at = startxref + header[0].length
  const objects = new Map<number, string>()
  for (let i = 0; i < size; i++) {
    const entry = text.slice(at, at + 20)
    assert.match(entry, /^\d{10} \d{5} [fn] \n$/, `xref entry ${i} is 20 bytes`)
    at += 20
    if (i === 0) {
      assert.equal(entry, '0000000000 65535 f \n')
      continue
    }
    const offset = Number(entry.slice(0, 10))
    assert.ok(text.startsWith(`${i} 0 obj\n`, offset), `xref offset of object ${i} points at "${i} 0 obj"`)
    const end = text.indexOf('\nendobj\n', offset)
    objects.set(i, text.slice(offset + `${i} 0 obj\n`.length, end))
  }
  const trailer = text.slice(at)
  assert.match(trailer, new RegExp(`^trailer\\n<< /Size ${size} /Root 1 0 R /Info \\d+ 0 R >>\\n`))

  for (const [n, body] of objects) {
    const stream = /^<< \/Length (\d+) >>\nstream\n/.exec(body)
    if (!stream) continue
    const data = body.slice(stream[0].length)
    assert.ok(data.endsWith('\nendstream'), `object ${n} stream ends with endstream`)
    assert.equal(data.length - '\nendstream'.length, Number(stream[1]), `object ${n} /Length`)
  }

  const pages = [...objects.values()].filter((b) => b.startsWith('<< /Type /Page '))
  const count = Number(/\/Type \/Pages .*\/Count (\d+)/.exec(objects.get(2) ?? '')?.[1])
  assert.equal(count, pages.length, '/Count matches the page objects')
  return { text, objects, pageCount: count }
}

test('a blank template is a well-formed one-page PDF with the title in UCS-2', () => {
  const pdf = renderFormPdf(form, { filled: false })
  const parsed = parsePdf(pdf)
  assert.equal(parsed.pageCount, 1)
  assert.ok(parsed.text.includes(`<${ucs2Hex(form.title)}> Tj`), 'title drawn as UCS-2 hex')
  assert.ok(parsed.text.includes(`<${ucs2Hex('玉门市市民中心 制')}> Tj`), 'footer drawn')
  assert.ok(parsed.text.includes('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H'))
  assert.ok(parsed.text.includes('/Subtype /CIDFontType0'))
  assert.ok(parsed.text.includes('/Registry (Adobe) /Ordering (GB1) /Supplement 2'))
  assert.ok(!parsed.text.includes(ucs2Hex('张明')), 'no sample value in the blank template')
  assert.ok(!parsed.text.includes(ucs2Hex('填写样例')), 'no watermark in the blank template')
})

test('a filled sample carries the values, the watermark and the red label', () => {
  const blank = renderFormPdf(form, { filled: false })
  const filled = renderFormPdf(form, { filled: true })
  assert.ok(!blank.equals(filled))
  const parsed = parsePdf(filled)
  assert.equal(parsed.pageCount, 1)
  assert.ok(parsed.text.includes(`<${ucs2Hex('张明')}> Tj`))
  assert.ok(parsed.text.includes(`<${ucs2Hex('填写样例')}> Tj`), 'watermark')
  assert.ok(parsed.text.includes(`0.8 0.08 0.08 rg 2 Tr`) && parsed.text.includes(`<${ucs2Hex('样例')}> Tj`), 'red 样例 label')
  assert.ok(parsed.text.includes('0.05 0.2 0.65 rg BT'), 'values in blue')
})

test('rendering is deterministic', () => {
  assert.ok(renderFormPdf(form, { filled: true }).equals(renderFormPdf(form, { filled: true })))
})

test('a long form flows onto more pages, each a valid page', () => {
  const long: FormSpec = {
    title: '家庭成员情况登记表',
    fields: Array.from({ length: 40 }, (_, i) => ({ label: `家庭成员${i + 1}`, sample: `姓名${i + 1}，与申请人关系：子女` })),
    notes: Array.from({ length: 10 }, () => '申请人应如实填写家庭成员情况，隐瞒或虚报的依法承担责任。'),
  }
  const parsed = parsePdf(renderFormPdf(long, { filled: true }))
  assert.ok(parsed.pageCount >= 2)
  assert.ok(parsed.text.includes(ucs2Hex(`${long.title}（续）`)))
  assert.ok(parsed.text.includes(ucs2Hex(`第2页 共${parsed.pageCount}页`)))
})

test('text outside the BMP does not break the encoding', () => {
  assert.equal(ucs2Hex('A中'), '00414E2D')
  assert.equal(ucs2Hex('𠀀'), '3013')
  parsePdf(renderFormPdf({ title: '测试𠀀', fields: [{ label: '姓名', sample: '𠮷' }], notes: [] }, { filled: true }))
})

test('wrapping keeps lines within the cell and never starts a line with closing punctuation', () => {
  const text = '经营范围：许可项目：小餐饮，小食杂，食品小作坊经营；一般项目：日用百货销售（不含危险化学品），五金产品零售《目录》，ABC 123。'
  const lines = wrapText(text, 11, 120)
  assert.ok(lines.length > 1)
  assert.equal(lines.join(''), text)
  for (const line of lines) {
    assert.ok(!/^[，。；：）]/.test(line), `line starts with punctuation: ${line}`)
    assert.ok(!/[（《]$/.test(line), `line ends with an opening bracket: ${line}`)
    assert.ok(textWidth(line.slice(0, -1), 11) <= 120, `line too wide: ${line}`)
  }
  const id = wrapText('身份证件号码为620981198503******的申请人', 11, 100)
  assert.ok(id.some((line) => line.includes('620981198503******')), `the ID number stays on one line: ${id}`)
})

test('every seeded template renders, and certificates have no documents', () => {
  let rendered = 0
  for (const matter of demoCity.matters) {
    for (const material of matter.materials) {
      const { template, sample } = renderMaterialDocuments(material)
      if (!material.template) {
        assert.equal(template, null)
        assert.equal(sample, null)
        continue
      }
      assert.ok(template && template.fileName.endsWith('.pdf'))
      parsePdf(template.pdf)
      if (material.hasSample) {
        assert.ok(sample && sample.fileName !== template.fileName)
        parsePdf(sample.pdf)
      }
      rendered++
    }
  }
  assert.ok(rendered > 20)
})

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
test(
  'pdftotext extracts the title and a sample value',
  { skip: hasPdftotext ? false : 'pdftotext not installed (apt-get install poppler-utils) — structural checks only' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'formpdf-'))
    try {
      const file = join(dir, 'sample.pdf')
      writeFileSync(file, renderFormPdf(form, { filled: true }))
      const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      assert.equal(result.status, 0)
      assert.equal(result.stderr, '', 'poppler reports no syntax error')
      assert.ok(result.stdout.includes(form.title))
      assert.ok(result.stdout.includes('甘肃省酒泉市玉门市新市区玉泉路58号商铺3号'))
      assert.ok(result.stdout.includes('玉门市市民中心'))

      const blankFile = join(dir, 'blank.pdf')
      writeFileSync(blankFile, renderFormPdf(form, { filled: false }))
      const blankText = execFileSync('pdftotext', ['-enc', 'UTF-8', blankFile, '-'], { encoding: 'utf8' })
      assert.ok(blankText.includes('经营场所') && !blankText.includes('玉泉路58号'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
)
