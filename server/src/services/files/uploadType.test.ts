import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectUploadType } from './uploadType'

const bytes = (...b: number[]) => Buffer.from(b)
const ftyp = (brand: string) => Buffer.concat([bytes(0, 0, 0, 0x18), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(8)])

test('recognises the accepted types by their first bytes', () => {
  assert.equal(detectUploadType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)), 'image/jpeg')
  assert.equal(detectUploadType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)), 'image/png')
  assert.equal(detectUploadType(Buffer.from('%PDF-1.7\n')), 'application/pdf')
  for (const brand of ['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1']) assert.equal(detectUploadType(ftyp(brand)), 'image/heic', brand)
})

test('rejects everything else, including near misses', () => {
  assert.equal(detectUploadType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00')), null) // Windows EXE
  assert.equal(detectUploadType(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0)), null) // ZIP
  assert.equal(detectUploadType(ftyp('mp42')), null) // MP4 video
  assert.equal(detectUploadType(ftyp('avif')), null)
  assert.equal(detectUploadType(bytes(0xff, 0xd8)), null) // too short to be a JPEG
  assert.equal(detectUploadType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)), null)
  assert.equal(detectUploadType(Buffer.from('%PDF')), null)
  assert.equal(detectUploadType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')), null)
  assert.equal(detectUploadType(Buffer.alloc(0)), null)
})
