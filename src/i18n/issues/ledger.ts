// Messages of src/domain/codes/ledger.ts.
import type { AreaMessages } from './area';

export const ledgerMessages: AreaMessages<'ledger'> = {
  'zh-CN': {
    commit_has_errors: '文件“{file}”有 {count} 个错误，未导入任何数据',
    commit_no_kind: '文件“{file}”的类型无法识别，未导入任何数据',
    commit_kind_mismatch: '文件“{file}”的数据块类型（{chunkKind}）与文件类型（{kind}）不符',
    commit_no_rows: '文件“{file}”没有可导入的数据行',
    commit_missing_records:
      '文件“{file}”有 {count} 条评价记录现在已不在数据中（可能在另一个窗口回滚了），例如：{agency} {year} 年{scope}{project}。未写入任何数据，已按现在的数据重新检查',
    database_newer:
      '浏览器中的数据由更新版本的看板写入（数据版本 {version}，本版本最高支持 {supported}；不认识的数据表：{stores}）。为免损坏，本版本没有打开也没有改动这些数据：请使用更新版本的看板',
    rollback_orphans:
      '回滚后将有 {count} 条评价记录不在当前数据中，而其他有效批次仍有这些记录的{kind}等数据，例如：{agency} {year} 年{scope}{project}。这些数据会保留，但在记录重新导入之前不会显示；如不需要，可一并回滚那些批次或整次上传',
    batch_missing: '没有编号为 {id} 的批次',
    batch_rolled_back: '批次 #{id}（{file}）已经回滚',
    batch_active: '批次 #{id}（{file}）已经有效',
    builtin_invalid: '内置数据 {file} 有误（{count} 个错误，第一个在第 {row} 行）：请检查部署的程序文件',
    stored_message: '{text}',
  },
  en: {
    commit_has_errors:
      'File “{file}” has {count} error; nothing was imported. | File “{file}” has {count} errors; nothing was imported.',
    commit_no_kind: 'The kind of file “{file}” is not recognised; nothing was imported.',
    commit_kind_mismatch: 'A block of file “{file}” holds {chunkKind}, but the file is {kind}.',
    commit_no_rows: 'File “{file}” has no data rows to import.',
    commit_missing_records:
      'File “{file}” has rows of {count} record that is no longer stored (rolled back in another window, perhaps), such as {agency}, {year}, {scope}{project}. Nothing was written; the file was checked again against the data now. | File “{file}” has rows of {count} records that are no longer stored (rolled back in another window, perhaps), such as {agency}, {year}, {scope}{project}. Nothing was written; the file was checked again against the data now.',
    database_newer:
      'The data in this browser was written by a newer version of the dashboard (data version {version}; this version knows up to {supported}; tables it does not know: {stores}). To keep it intact, this version has neither opened nor changed it: use the newer version of the dashboard.',
    rollback_orphans:
      'Rolling back takes {count} record out of the current data while other active batches keep its {kind} (or other rows), such as {agency}, {year}, {scope}{project}. Those rows stay stored but are not shown until the record is imported again; roll back those batches or the whole upload too if they are not wanted. | Rolling back takes {count} records out of the current data while other active batches keep their {kind} (or other rows), such as {agency}, {year}, {scope}{project}. Those rows stay stored but are not shown until the records are imported again; roll back those batches or the whole upload too if they are not wanted.',
    batch_missing: 'There is no batch #{id}.',
    batch_rolled_back: 'Batch #{id} ({file}) is rolled back already.',
    batch_active: 'Batch #{id} ({file}) is active already.',
    builtin_invalid:
      'The built-in data {file} is invalid ({count} error, on row {row}): check the deployed files. | The built-in data {file} is invalid ({count} errors, the first on row {row}): check the deployed files.',
    stored_message: '{text}',
  },
};
