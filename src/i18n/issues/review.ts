// Messages of src/domain/codes/review.ts.
import type { AreaMessages } from './area';

export const reviewMessages: AreaMessages<'review'> = {
  'zh-CN': {
    edit_unknown: '这项更正找不到要改的{kind}行或字段{field}',
  },
  en: {
    edit_unknown: 'This correction names a {kind} row or a field {field} the extraction does not have.',
  },
};
