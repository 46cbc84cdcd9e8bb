import { describe, expect, it } from 'vitest';
import { boilerplateKind } from '@/lib/article/boilerplate';

describe('boilerplateKind', () => {
  it.each<[string, string, number?]>([
    ['Anzeige', 'ad-label'],
    ['ADVERTISEMENT', 'ad-label'],
    ['Publicidad', 'ad-label'],
    ['— Publicité —', 'ad-label'],
    ['Pubblicità', 'ad-label'],
    ['Publicidade', 'ad-label'],
    ['Реклама', 'ad-label'],
    ['广告', 'ad-label'],
    ['Mehr zum Thema – Putin gratulierte Lukaschenko zur erneuten Wahl.', 'teaser', 1],
    ['Lesen Sie auch: Tarifstreit im Hafen', 'teaser'],
    ['Read more: How the port strike started', 'teaser', 0.8],
    ['Lee también: El embalse, al 20 %', 'teaser'],
    ['À lire aussi', 'teaser'],
    ['Leggi anche: la frana di marzo', 'teaser'],
    ['Leia também: Greve no porto', 'teaser'],
    ['Читайте также: Трамвай на Садовой пустят в декабре', 'teaser'],
    ['Čtěte také: Oprava mostu u Lipové se prodraží o třetinu', 'teaser', 0.8],
    ['【関連記事】タクシー運転手も不足、深夜の配車に影響', 'teaser', 0.8],
    ['Abonnieren Sie unseren Newsletter', 'subscription'],
    ['Sign up for our morning briefing', 'subscription'],
    ['Suscríbete a nuestro boletín', 'subscription'],
    ['Abonnez-vous à notre newsletter', 'subscription'],
    ['Iscriviti alla newsletter', 'subscription'],
    ['Подпишитесь на нашу рассылку', 'subscription'],
    ['Foto: dpa / Michael Kappeler', 'credit'],
    ['Photo: Reuters', 'credit'],
    ['Фото: РИА', 'credit'],
    ['© AFP', 'credit'],
    ['Von Jana Weber, Bremerhaven', 'byline'],
    ['By Ana Ruiz', 'byline'],
    ['Автор: Ирина Соколова', 'byline'],
    ['23.11.2026, 09.12 Uhr', 'dateline'],
    ['Updated 10:35 CET', 'dateline'],
    ['24 ноября 2026, 17:05', 'dateline'],
    ['Actualizado el 20 de noviembre de 2026', 'dateline'],
    ['Zveřejněno: 25. 11. 2026, 8:40 | Autor: Jana Dvořáková', 'dateline'],
  ])('%s is %s', (text, kind, linkShare = 0) => {
    expect(boilerplateKind(text, linkShare)).toBe(kind);
  });

  it.each([
    'Die Firma verschickte am Montag einen Newsletter an alle Kunden, wie ein Sprecher sagte.',
    'Zum Thema äußerte sich der Minister nicht.',
    'Von Montag an gilt die neue Regel in allen Bezirken.',
    'Am 12. März 2026 um 10 Uhr.',
    'Related to this, the minister said the talks would go on for weeks.',
    'Readers who subscribe to the service pay twelve euros a month, the company said.',
    'Bild der Woche zeigt die Proteste vor dem Landratsamt.',
  ])('keeps the sentence “%s”', (text) => {
    expect(boilerplateKind(text)).toBeNull();
  });
});
