import { decideMimeType, mimeFromBytes, mimeFromName } from './mimeType'

const bytes = (...parts: Array<number[] | string>) =>
  parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part))

describe('mimeFromBytes', () => {
  it('knows the four accepted types by their magic bytes', () => {
    expect(mimeFromBytes(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg')
    expect(mimeFromBytes(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png')
    expect(mimeFromBytes(bytes('%PDF-1.7'))).toBe('application/pdf')
    expect(mimeFromBytes(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('image/heic')
    expect(mimeFromBytes(bytes([0, 0, 0, 0x18], 'ftypmif1'))).toBe('image/heic')
  })

  it('answers null for anything else or too few bytes', () => {
    expect(mimeFromBytes(bytes('GIF89a'))).toBeNull()
    expect(mimeFromBytes(bytes([0, 0, 0, 0x18], 'ftypisom'))).toBeNull() // an MP4
    expect(mimeFromBytes(bytes([0xff, 0xd8]))).toBeNull()
    expect(mimeFromBytes([])).toBeNull()
  })
})

describe('mimeFromName', () => {
  it('reads the extension, any case, ignoring a query', () => {
    expect(mimeFromName('wxfile://tmp_abc.JPG')).toBe('image/jpeg')
    expect(mimeFromName('合同.pdf')).toBe('application/pdf')
    expect(mimeFromName('IMG_0001.HEIC')).toBe('image/heic')
    expect(mimeFromName('http://tmp/x.png?x=1')).toBe('image/png')
    expect(mimeFromName('blob:http://localhost/1234')).toBeNull()
    expect(mimeFromName('notes.docx')).toBeNull()
  })
})

describe('decideMimeType', () => {
  it('trusts the bytes over the name', () => {
    expect(decideMimeType(bytes('%PDF-1.4'), 'scan.jpg')).toBe('application/pdf')
  })

  it('falls back to the name, then to the type the browser declared', () => {
    expect(decideMimeType(null, 'photo.jpeg')).toBe('image/jpeg')
    expect(decideMimeType([], 'blob:x', 'image/png')).toBe('image/png')
    expect(decideMimeType(null, 'blob:x', 'image/jpeg')).toBe('image/jpeg')
    expect(decideMimeType(null, 'a.gif', 'image/gif')).toBeNull()
  })
})
