/**
 * The fixed set of service topics (主题服务) the catalog groups matters by,
 * defined in the contract. A matter's topics must come from the set of one of its audiences.
 */
export { TOPICS } from '../../types/enums'
