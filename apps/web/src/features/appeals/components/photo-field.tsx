// A photo of the problem from the phone's camera (`capture`), scaled down on the device
// before it is sent (a phone's 12-megapixel photo becomes ~300 KB), and uploaded through
// the ordinary attachment upload. Without a network the scaled photo is kept with the
// appeal and uploaded when it is sent (offline-outbox.ts).
import { Button, Input, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useLang } from '../../../lib/use-lang.ts';
import { uploadAttachment } from '../api.ts';
import classes from './attachments-field.module.css';

export interface PhotoState {
  key: string;
  name: string;
  blob: Blob;
  status: 'uploading' | 'done' | 'kept' | 'failed';
  id?: string;
  error?: string;
}

export const MAX_PHOTOS = 3;
/** The longer side of a scaled photo, in pixels: enough to see a pothole or a broken lamp. */
const MAX_SIDE = 1600;

/** The photo scaled so its longer side is at most MAX_SIDE, as JPEG; an image the browser cannot read is kept as it is. */
export async function scalePhoto(file: File): Promise<{ blob: Blob; name: string }> {
  try {
    const bitmap = await createImageBitmap(file);
    const ratio = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * ratio));
    canvas.height = Math.max(1, Math.round(bitmap.height * ratio));
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return { blob: file, name: file.name };
    return { blob, name: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg` };
  } catch {
    return { blob: file, name: file.name };
  }
}

export function PhotoField({ id, photos, onChange }: { id: string; photos: PhotoState[]; onChange: (f: (p: PhotoState[]) => PhotoState[]) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = (key: string, patch: Partial<PhotoState>) => onChange((list) => list.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  async function add(list: FileList | null) {
    const file = list?.[0];
    if (!file || photos.length >= MAX_PHOTOS) return;
    const key = crypto.randomUUID();
    const scaled = await scalePhoto(file);
    onChange((prev) => [...prev, { key, name: scaled.name, blob: scaled.blob, status: 'uploading' }]);
    try {
      const up = await uploadAttachment(new File([scaled.blob], scaled.name, { type: scaled.blob.type || 'image/jpeg' }));
      update(key, { status: 'done', id: up.id });
    } catch (err) {
      // No network: the photo stays on the phone and goes with the appeal later.
      if (err instanceof TypeError) update(key, { status: 'kept' });
      else update(key, { status: 'failed', error: (err as Error).message });
    }
  }

  const kb = (n: number) => formatNumber(Math.max(1, Math.round(n / 1024)), lang);
  const state = (p: PhotoState) => (p.status === 'uploading' ? t('appeal.fileUploading') : p.status === 'done' ? t('appeal.fileDone') : p.status === 'kept' ? t('citymap.photo.kept') : `${t('appeal.fileFailed')}: ${p.error ?? ''}`);
  return (
    <div>
      <Input.Label id={`${id}-label`} htmlFor={id} size="md">
        {t('citymap.photo.label')} {t('common.optional')}
      </Input.Label>
      <Input.Description id={`${id}-hint`} size="md">
        {t('citymap.photo.hint', { count: MAX_PHOTOS })}
      </Input.Description>
      <input
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        disabled={photos.length >= MAX_PHOTOS}
        aria-labelledby={`${id}-label ${id}-button`}
        aria-describedby={`${id}-hint`}
        data-testid="photo-input"
        onChange={(e) => {
          void add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} id={`${id}-button`} className={classes.fileButton} data-disabled={photos.length >= MAX_PHOTOS || undefined}>
        {t('citymap.photo.take')}
      </label>
      {photos.length > 0 && (
        <List mt="sm" spacing="xs" aria-live="polite" data-testid="photo-list">
          {photos.map((p) => (
            <List.Item key={p.key}>
              <Text span fw={600}>
                {p.name}
              </Text>{' '}
              <Text span>
                ({t('appeal.fileSize', { size: kb(p.blob.size) })}) — {state(p)}
              </Text>{' '}
              <Button variant="subtle" size="compact-md" onClick={() => onChange((list) => list.filter((x) => x.key !== p.key))} aria-label={t('appeal.fileRemove', { name: p.name })}>
                {t('common.remove')}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
