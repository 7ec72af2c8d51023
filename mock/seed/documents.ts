/**
 * The documents the seeding code stores per material: the blank template
 * (空白表格) and, when `hasSample`, the filled sample (填写样例) — the same
 * FormSpec rendered with `filled: true`.
 */
import { renderFormPdf } from './formPdf'
import type { SeedDocument, SeedMaterial } from './types'

export interface RenderedDocument extends SeedDocument {
  mimeType: 'application/pdf'
  pdf: Buffer
}

export function templateDocument(material: SeedMaterial): SeedDocument | null {
  return material.template ? { fileName: `${material.template.title}（空白表格）.pdf`, form: material.template } : null
}

export function sampleDocument(material: SeedMaterial): SeedDocument | null {
  return material.template && material.hasSample
    ? { fileName: `${material.template.title}（填写样例）.pdf`, form: material.template }
    : null
}

/** Both documents of a material, rendered; null where the material has none. */
export function renderMaterialDocuments(material: SeedMaterial): {
  template: RenderedDocument | null
  sample: RenderedDocument | null
} {
  const template = templateDocument(material)
  const sample = sampleDocument(material)
  return {
    template: template && { ...template, mimeType: 'application/pdf', pdf: renderFormPdf(template.form, { filled: false }) },
    sample: sample && { ...sample, mimeType: 'application/pdf', pdf: renderFormPdf(sample.form, { filled: true }) },
  }
}
