// The frame of every page: skip link, name, language switch, the visually-impaired switch,
// the main navigation and the footer. It also keeps `<html lang>` right.
import { useEffect } from 'react';
import { Container, Switch } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES } from '../lib/languages.ts';
import { useLang } from '../lib/use-lang.ts';
import { setVisualMode, useVisualMode } from '../lib/visual-mode.ts';
import classes from './layout.module.css';

export function LangLayout() {
  const lang = useLang();
  const { t } = useTranslation();
  const visual = useVisualMode();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const navItems = [
    { to: '/$lang', label: t('nav.home'), exact: true },
    { to: '/$lang/appeal', label: t('nav.submit') },
    { to: '/$lang/track', label: t('nav.track') },
    { to: '/$lang/stats', label: t('kpi.navPublic') },
    { to: '/$lang/map', label: t('citymap.map.nav') },
    { to: '/$lang/staff', label: t('nav.staff') },
  ] as const;

  return (
    <>
      <a className={classes.skip} href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className={classes.header}>
        <Container size="lg" className={classes.topBar}>
          <Link to="/$lang" params={{ lang }} className={classes.brand}>
            <span className={classes.brandName}>Tyndau</span>
            <span className={classes.brandTagline}>{t('layout.tagline')}</span>
          </Link>
          <div className={classes.tools}>
            <nav aria-label={t('layout.languageSwitch')}>
              <ul className={classes.langList}>
                {LANGUAGES.map((l) => (
                  <li key={l}>
                    <Link
                      to="."
                      params={(prev: Record<string, string>) => ({ ...prev, lang: l })}
                      search={(prev: Record<string, unknown>) => prev}
                      className={classes.langLink}
                      lang={l}
                      hrefLang={l}
                      aria-current={l === lang ? 'page' : undefined}
                      data-testid={`lang-${l}`}
                    >
                      {LANGUAGE_NAMES[l]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <Switch size="md" checked={visual} onChange={(e) => setVisualMode(e.currentTarget.checked)} label={t('layout.visuallyImpaired')} />
          </div>
        </Container>
        <nav className={classes.nav} aria-label={t('layout.mainNav')}>
          <Container size="lg">
            <ul className={classes.navList}>
              {navItems.map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    params={{ lang }}
                    className={classes.navLink}
                    activeOptions={{ exact: 'exact' in item ? item.exact : false, includeSearch: false }}
                    activeProps={{ 'aria-current': 'page' }}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </Container>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg">
          <Outlet />
        </Container>
      </main>
      <footer className={classes.footer}>
        <Container size="lg">{t('layout.footer')}</Container>
      </footer>
    </>
  );
}
