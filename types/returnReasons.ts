/** Common return reasons offered to reviewers as templates; free text is always allowed. */
export const RETURN_REASONS: readonly string[] = [
  '照片模糊，无法辨认，请在光线充足处重新拍摄',
  '照片过暗或反光，请重新拍摄',
  '材料不完整，缺少页面',
  '缺少签字或盖章',
  '证件已过有效期',
  '材料内容与申请信息不一致',
  '材料类型不符，请上传要求的材料',
  '请上传原件的彩色照片或扫描件',
]
