// Messages of src/domain/codes/importer.ts.
import type { AreaMessages } from './area';

export const importerMessages: AreaMessages<'importer'> = {
  'zh-CN': {
    read_failed: '读取文件失败：{detail}',
    nothing_parsed: '没有待导入的文件：请重新选择文件',
    has_errors: '以下文件有错误（共 {count} 个），未导入任何数据：{files}',
    busy: '正在导入，请稍候',
    quota:
      '浏览器的存储空间已满，本次导入没有写入任何数据。请在“数据管理”页查看存储用量，回滚或导出后清理不再需要的批次，或在浏览器设置中为本站点允许更多存储空间，然后重试。',
    commit_failed: '导入失败，未写入任何数据：{detail}',
    publish_failed: '载入部署目录 data/ 中发布的数据失败：{detail}',
    published_fetch_failed: '无法读取发布的数据 data/{file}（HTTP {status}）',
    export_failed: '导出失败：{detail}',
    rollback_preview_failed: '无法计算回滚后的变化：{detail}',
    history_failed: '批次操作失败：{detail}',
    worker_failed: '导入程序出错：{detail}',
    worker_stopped: '导入程序已停止，未完成这项操作：请重试',
    load_failed: '{detail}',
  },
  en: {
    read_failed: 'Could not read the file: {detail}',
    nothing_parsed: 'No file is waiting to be imported: choose the files again.',
    has_errors:
      'Nothing was imported: these files have {count} error: {files} | Nothing was imported: these files have {count} errors: {files}',
    busy: 'An import is running; please wait.',
    quota:
      'The browser’s storage is full; nothing of this import was written. See the storage usage on the Data page, roll back or export and remove batches you no longer need, or allow this site more storage in the browser’s settings, then try again.',
    commit_failed: 'The import failed and nothing was written: {detail}',
    publish_failed: 'Loading the data published in the deployment’s data/ folder failed: {detail}',
    published_fetch_failed: 'Could not fetch the published file data/{file} (HTTP {status}).',
    export_failed: 'The export failed: {detail}',
    rollback_preview_failed: 'Could not work out what the rollback changes: {detail}',
    history_failed: 'The batch operation failed: {detail}',
    worker_failed: 'The import worker failed: {detail}',
    worker_stopped: 'The import worker was stopped before it finished this; please try again.',
    load_failed: '{detail}',
  },
};
