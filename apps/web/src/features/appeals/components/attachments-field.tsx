// Files for an appeal: each is uploaded as soon as it is chosen, listed with its state, and
// can be removed. A native file input: it works with every screen reader and keyboard.
import { Button, Input, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import classes from './attachments-field.module.css';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, uploadAttachment } from '../api.ts';

export interface AttachmentState {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
}

export function AttachmentsField({ id, files, onChange, error }: { id: string; files: AttachmentState[]; onChange: (f: AttachmentState[] | ((f: AttachmentState[]) => AttachmentState[])) => void; error?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = (key: string, patch: Partial<AttachmentState>) => onChange((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  function add(list: FileList | null) {
    if (!list) return;
    const room = MAX_ATTACHMENTS - files.length;
    const chosen = [...list].slice(0, Math.max(0, room));
    const added: AttachmentState[] = chosen.map((f) => ({ key: crypto.randomUUID(), name: f.name, size: f.size, status: f.size > MAX_ATTACHMENT_BYTES ? 'failed' : 'uploading', error: f.size > MAX_ATTACHMENT_BYTES ? t('errors.fileTooLarge') : undefined }));
    onChange((prev) => [...prev, ...added]);
    chosen.forEach((file, i) => {
      const a = added[i];
      if (a.status === 'failed') return;
      uploadAttachment(file).then(
        (r) => update(a.key, { status: 'done', id: r.id }),
        (e: Error) => update(a.key, { status: 'failed', error: e.message }),
      );
    });
  }

  const kb = (n: number) => formatNumber(Math.max(1, Math.round(n / 1024)), lang);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div>
      <Input.Label id={`${id}-label`} htmlFor={id} size="md">
        {t('appeal.attachments')} {t('common.optional')}
      </Input.Label>
      <Input.Description id={hintId} size="md">
        {t('appeal.attachmentsHint', { count: MAX_ATTACHMENTS })}
      </Input.Description>
      {/* The native control is kept (keyboard, screen readers) but its button speaks the browser's
          language; the visible button is a label in the page's language. */}
      <input
        id={id}
        type="file"
        multiple
        className="visually-hidden"
        accept={ATTACHMENT_ACCEPT}
        disabled={files.length >= MAX_ATTACHMENTS}
        aria-labelledby={`${id}-label ${id}-button`}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} id={`${id}-button`} className={classes.fileButton} data-disabled={files.length >= MAX_ATTACHMENTS || undefined}>
        {t('appeal.chooseFiles')}
      </label>
      {files.length === 0 && <Text span ml="sm">{t('appeal.noFiles')}</Text>}
      {error && (
        <Input.Error id={errorId} size="md">
          {error}
        </Input.Error>
      )}
      {files.length > 0 && (
        <List mt="sm" spacing="xs" aria-live="polite">
          {files.map((f) => (
            <List.Item key={f.key}>
              <Text span fw={600}>
                {f.name}
              </Text>{' '}
              <Text span>
                ({t('appeal.fileSize', { size: kb(f.size) })}) — {f.status === 'uploading' ? t('appeal.fileUploading') : f.status === 'done' ? t('appeal.fileDone') : `${t('appeal.fileFailed')}: ${f.error ?? ''}`}
              </Text>{' '}
              <Button variant="subtle" size="compact-md" onClick={() => onChange((list) => list.filter((x) => x.key !== f.key))} aria-label={t('appeal.fileRemove', { name: f.name })}>
                {t('common.remove')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
