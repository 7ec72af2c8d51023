import { configure } from 'mobx'

// Stores must mutate only inside actions; tests catch slips.
configure({ enforceActions: 'observed' })
