// English words of the warnings, the standard dimensions and the print context (views.zh-CN.ts).
import type { viewsZhCN } from './views.zh-CN';

export const viewsEn: typeof viewsZhCN = {
  warnings: {
    title: 'Warnings',
    intro:
      'Agencies and projects past the thresholds below: red needs action now, amber needs an explanation, green is on track. The thresholds are kept in the link.',
    th: {
      rate: 'Execution rate below',
      carryover: 'Carryover rate above',
      scoreAmber: 'Score below (amber)',
      scoreRed: 'Score below (red)',
      fall: 'Score fall from last year above',
    },
    counts: 'Warnings by level',
    level: { red: 'Red', amber: 'Amber', green: 'Green' },
    list: 'Flagged record ({n}) | Flagged records ({n})',
    none: 'No record in the selected range is past a threshold.',
    col: { level: 'Level', reasons: 'Why' },
    reason: {
      lowRate: 'execution rate {value}, below {limit}',
      highCarryover: 'carryover rate {value}, above {limit}',
      lowScore: 'score {value}, below {limit} pts',
      scoreFall: 'score {change} from {year} ({from})',
    },
  },
  dimension: {
    decision: 'Decision',
    process: 'Process',
    output: 'Output',
    benefit: 'Benefit',
    satisfaction: 'Satisfaction',
    cost: 'Cost',
    execution: 'Budget execution',
  },
  context: {
    colon: ': ',
    printed: 'Printed {date}',
    version: 'Data version: batch {id} ({file}, committed {date})',
  },
};
