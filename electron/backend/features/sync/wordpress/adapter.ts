/**
 * The WordPress REST adapter (Application Password, basic auth). See ../adapter.ts for the rules.
 */
import { SiteError, type PostPayload, type PostPhoto, type PulledPost, type RemotePost, type SiteAdapter, type SiteInfo } from '../adapter.js';
import { decodeHtml as decodeEntities, hasPhotoIn, hasVideoIn } from '../html.js';
import type { SiteCheck, SiteCheckStep } from '../schema.js';
import { escapeHtml as esc } from '../../releases/render.js';
import { wpRequest, type WpConn } from './http.js';
import { siteLocalTime } from './time.js';

/** Photos after the first go under the text, as WordPress's own image blocks. */
const figure = (m: PostPayload['media'][number]) =>
  `\n<figure class="wp-block-image"><img src="${esc(m.url)}" alt="${esc(m.caption)}" class="wp-image-${m.id}"/>${m.caption ? `<figcaption>${esc(m.caption)}</figcaption>` : ''}</figure>`;

const ANY_STATUS = 'publish,future,draft,pending,private';
const POST_FIELDS = 'id,link,status,modified_gmt,title,content,excerpt,slug';
const text = (v: unknown) => (typeof v === 'object' && v ? String((v as { raw?: string; rendered?: string }).raw ?? (v as { rendered?: string }).rendered ?? '') : String(v ?? ''));

function toRemote(p: any): RemotePost {
  return { id: p.id, link: p.link, status: p.status, modifiedGmt: p.modified_gmt, title: text(p.title), html: text(p.content), excerpt: text(p.excerpt) };
}

/** «Asia/Barnaul», or «UTC+7» when the site is set to a plain offset. */
export function zoneName(info: Pick<SiteInfo, 'timeZone' | 'gmtOffset'>): string | null {
  if (info.timeZone) return info.timeZone;
  if (info.gmtOffset === null) return null;
  const h = info.gmtOffset;
  return `UTC${h >= 0 ? '+' : '−'}${Math.abs(h)}`;
}

export class WordPressAdapter implements SiteAdapter {
  readonly source = 'wordpress';
  private tagIds = new Map<string, number>();
  private siteInfo: SiteInfo | null = null;

  constructor(private readonly conn: WpConn) {}

  private req = <T = any>(route: string, opts?: Parameters<typeof wpRequest>[2]) => wpRequest<T>(this.conn, route, opts);

  /** The REST root (no auth): proves it is WordPress and gives the time zone. */
  private async root(): Promise<{ timeZone: string | null; gmtOffset: number | null }> {
    const { data } = await this.req('/', { auth: false }).catch((err: SiteError) => {
      if (err.kind === 'badResponse' || err.kind === 'notFound' || err.kind === 'rejected')
        throw new SiteError('notWordPress', `По адресу ${this.conn.url} не отвечает WordPress: ${err.message}`, err.status);
      throw err;
    });
    if (!data || !Array.isArray(data.namespaces) || !data.namespaces.includes('wp/v2'))
      throw new SiteError('notWordPress', `По адресу ${this.conn.url} нет REST API WordPress (wp/v2). Проверьте адрес сайта.`);
    const offset = Number(data.gmt_offset);
    return { timeZone: data.timezone_string || null, gmtOffset: Number.isFinite(offset) ? offset : null };
  }

  async probe(): Promise<void> {
    await this.root();
  }

  private async categories(): Promise<{ id: number; name: string }[]> {
    const out: { id: number; name: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await this.req<any[]>('/wp/v2/categories', { query: { per_page: 100, page, _fields: 'id,name' } });
      out.push(...res.data.map((c) => ({ id: c.id, name: decodeEntities(c.name) })));
      if (page >= Number(res.headers.get('x-wp-totalpages') ?? 1)) return out;
    }
  }

  async info(): Promise<SiteInfo> {
    const root = await this.root();
    this.siteInfo = { ...root, categories: await this.categories() };
    return this.siteInfo;
  }

  async check(): Promise<{ check: SiteCheck; info: SiteInfo | null }> {
    const steps: SiteCheckStep[] = [];
    const labels: Record<SiteCheckStep['key'], string> = {
      reachable: 'Сайт доступен',
      wordpress: 'Это WordPress с REST API',
      signedIn: 'Вход по паролю приложения',
      canPublish: 'Право публиковать записи',
      canUpload: 'Право загружать фото',
      categories: 'Рубрики сайта прочитаны',
    };
    const order = Object.keys(labels) as SiteCheckStep['key'][];
    const add = (key: SiteCheckStep['key'], ok: boolean, message: string, skipped = false) => steps.push({ key, label: labels[key], ok, message, skipped });
    const done = (info: SiteInfo | null) => {
      for (const key of order.slice(steps.length)) add(key, false, 'Не проверено: предыдущий шаг не пройден.', true);
      return { check: { ok: steps.every((s) => s.ok), at: new Date().toISOString(), steps }, info };
    };
    let root: Awaited<ReturnType<WordPressAdapter['root']>>;
    try {
      root = await this.root();
    } catch (err) {
      const e = err as SiteError;
      if (e.kind === 'notWordPress' || e.kind === 'server') {
        add('reachable', true, 'Сайт отвечает.');
        add('wordpress', false, e.message);
      } else add('reachable', false, e.message);
      return done(null);
    }
    add('reachable', true, 'Сайт отвечает.');
    add('wordpress', true, `REST API WordPress найден; часовой пояс сайта: ${zoneName(root) ?? 'не указан'}.`);
    let caps: Record<string, boolean> = {};
    try {
      const me = await this.req('/wp/v2/users/me', { query: { context: 'edit', _fields: 'id,name,capabilities' } });
      caps = me.data.capabilities ?? {};
      add('signedIn', true, `Вход выполнен: ${me.data.name}.`);
    } catch (err) {
      add('signedIn', false, (err as SiteError).message);
      return done(null);
    }
    add('canPublish', !!caps.publish_posts, caps.publish_posts ? 'Может публиковать записи.' : `Пользователь «${this.conn.user}» не может публиковать записи: нужна роль «Редактор» или «Автор».`);
    add('canUpload', !!caps.upload_files, caps.upload_files ? 'Может загружать фотографии.' : `Пользователь «${this.conn.user}» не может загружать файлы: фотографии не будут опубликованы.`);
    try {
      const categories = await this.categories();
      add('categories', true, `Рубрик на сайте: ${categories.length}.`);
      this.siteInfo = { ...root, categories };
      return done(this.siteInfo);
    } catch (err) {
      add('categories', false, (err as SiteError).message);
      return done(null);
    }
  }

  async find(key: string): Promise<RemotePost | null> {
    const res = await this.req<any[]>('/wp/v2/posts', { query: { slug: key, status: ANY_STATUS, context: 'edit', _fields: POST_FIELDS } });
    return res.data.length ? toRemote(res.data[0]) : null;
  }

  async get(id: number): Promise<RemotePost | null> {
    try {
      return toRemote((await this.req(`/wp/v2/posts/${id}`, { query: { context: 'edit', _fields: POST_FIELDS } })).data);
    } catch (err) {
      if ((err as SiteError).kind === 'notFound') return null;
      throw err;
    }
  }

  async uploadMedia(photo: PostPhoto): Promise<{ id: number; url: string }> {
    const caption = [photo.caption, photo.author ? `Фото: ${photo.author}` : ''].filter(Boolean).join(' ');
    const name = encodeURIComponent(photo.fileName);
    const res = await this.req('/wp/v2/media', {
      method: 'POST',
      body: photo.bytes,
      headers: { 'content-type': photo.mime, 'content-disposition': `attachment; filename*=UTF-8''${name}; filename="${name}"` },
      query: { caption, alt_text: photo.caption, description: photo.author ? `Автор фото: ${photo.author}` : undefined, _fields: 'id,source_url' },
      timeoutMs: Math.max(this.conn.timeoutMs, 5 * 60_000), // up to 20 MB over a slow line
    });
    return { id: res.data.id as number, url: String(res.data.source_url ?? '') };
  }

  private async tagId(name: string): Promise<number> {
    const key = name.toLocaleLowerCase('ru-RU');
    const known = this.tagIds.get(key);
    if (known) return known;
    let id: number;
    try {
      id = (await this.req('/wp/v2/tags', { method: 'POST', json: { name }, query: { _fields: 'id' } })).data.id;
    } catch (err) {
      // WordPress answers 400 term_exists with the id of the tag that already has this name.
      const found = await this.req<any[]>('/wp/v2/tags', { query: { search: name, per_page: 100, _fields: 'id,name' } });
      const same = found.data.find((t) => decodeEntities(t.name).toLocaleLowerCase('ru-RU') === key);
      if (!same) throw err;
      id = same.id;
    }
    this.tagIds.set(key, id);
    return id;
  }

  private async body(post: PostPayload): Promise<Record<string, unknown>> {
    const tags: number[] = [];
    for (const t of post.tagNames) tags.push(await this.tagId(t));
    const future = post.publishAt && post.publishAt.getTime() > Date.now() + 60_000;
    const info = this.siteInfo ?? (future ? await this.root().then((r) => ({ ...r, categories: [] })) : null);
    return {
      title: post.title,
      content: post.html + post.media.slice(1).map(figure).join(''),
      excerpt: post.excerpt,
      slug: post.key,
      status: future ? 'future' : 'publish',
      ...(future && info ? { date: siteLocalTime(post.publishAt!, info), date_gmt: post.publishAt!.toISOString().slice(0, 19) } : {}),
      categories: post.categoryIds,
      tags,
      featured_media: post.media[0]?.id ?? 0,
    };
  }

  async create(post: PostPayload): Promise<RemotePost> {
    const res = await this.req('/wp/v2/posts', { method: 'POST', json: await this.body(post), query: { context: 'edit', _fields: POST_FIELDS } });
    return toRemote(res.data);
  }

  async update(id: number, post: PostPayload): Promise<RemotePost> {
    const res = await this.req(`/wp/v2/posts/${id}`, { method: 'POST', json: await this.body(post), query: { context: 'edit', _fields: POST_FIELDS } });
    return toRemote(res.data);
  }

  async unpublish(id: number): Promise<RemotePost> {
    const res = await this.req(`/wp/v2/posts/${id}`, { method: 'POST', json: { status: 'draft' }, query: { context: 'edit', _fields: POST_FIELDS } });
    return toRemote(res.data);
  }

  async pull(since: string | null, onPage: (posts: PulledPost[], total: number | null) => void, signal: AbortSignal): Promise<void> {
    const root = await this.root();
    const categories = new Map((await this.categories()).map((c) => [c.id, c.name]));
    const tagNames = new Map<number, string>();
    // modified_after is compared with the site's local post_modified: send local time, with a second of overlap
    // (same-second edits). Pages are ordered by id: equal modified times come back in a different order each page.
    const after = since ? siteLocalTime(new Date(Date.parse(since) - 1000), root) : undefined;
    for (let page = 1; ; page++) {
      if (signal.aborted) throw new SiteError('cancelled', 'Загрузка отменена.');
      const res = await this.req<any[]>('/wp/v2/posts', {
        query: { status: 'publish', per_page: 100, page, orderby: 'id', order: 'asc', modified_after: after, _fields: 'id,date_gmt,modified_gmt,title,link,categories,tags,featured_media,content,slug' },
        signal,
      });
      const unknownTags = [...new Set(res.data.flatMap((p) => p.tags as number[]))].filter((t) => !tagNames.has(t));
      for (let i = 0; i < unknownTags.length; i += 100) {
        const tags = await this.req<any[]>('/wp/v2/tags', { query: { include: unknownTags.slice(i, i + 100).join(','), per_page: 100, _fields: 'id,name' }, signal });
        for (const t of tags.data) tagNames.set(t.id, decodeEntities(t.name));
      }
      const posts = res.data.map((p): PulledPost => {
        const html = text(p.content);
        return {
          remoteId: String(p.id),
          date: `${p.date_gmt}Z`,
          modified: `${p.modified_gmt}Z`,
          title: decodeEntities(text(p.title)),
          link: p.link,
          categoryIds: p.categories,
          categories: (p.categories as number[]).map((c) => categories.get(c) ?? String(c)),
          tags: (p.tags as number[]).map((t) => tagNames.get(t) ?? String(t)),
          hasPhoto: p.featured_media > 0 || hasPhotoIn(html),
          hasVideo: hasVideoIn(html),
          slug: p.slug,
        };
      });
      const total = Number(res.headers.get('x-wp-total'));
      onPage(posts, Number.isFinite(total) ? total : null);
      if (page >= Number(res.headers.get('x-wp-totalpages') ?? 1)) return;
    }
  }
}
