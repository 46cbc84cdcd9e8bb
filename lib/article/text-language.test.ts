import { describe, expect, it } from 'vitest';
import { textLanguage } from '@/lib/article/text-language';

describe('textLanguage', () => {
  it.each([
    [
      'en',
      'The council said on Tuesday that the bridge would be closed for repairs, and that buses would be diverted through the industrial area for at least three months.',
    ],
    [
      'de',
      'Der Stadtrat hat am Dienstag mitgeteilt, dass die Brücke für Reparaturen gesperrt wird und die Busse für mindestens drei Monate durch das Gewerbegebiet umgeleitet werden.',
    ],
    [
      'es',
      'El ayuntamiento anunció el martes que el puente se cerrará por obras y que los autobuses se desviarán por el polígono durante al menos tres meses, según fuentes municipales.',
    ],
    [
      'fr',
      'La mairie a annoncé mardi que le pont sera fermé pour des travaux et que les bus seront déviés par la zone industrielle pendant au moins trois mois, selon un porte-parole.',
    ],
    [
      'it',
      'Il comune ha annunciato martedì che il ponte sarà chiuso per lavori e che gli autobus saranno deviati nella zona industriale per almeno tre mesi, secondo il sindaco della città.',
    ],
    [
      'pt',
      'A prefeitura anunciou na terça-feira que a ponte será fechada para obras e que os ônibus serão desviados pela zona industrial durante pelo menos três meses, segundo a secretaria.',
    ],
    [
      'ru',
      'Городская администрация сообщила во вторник, что мост закроют на ремонт, а автобусы пустят в объезд через промзону как минимум на три месяца, как сообщил заместитель мэра.',
    ],
    [
      'nl',
      'De gemeente heeft dinsdag laten weten dat de brug wordt gesloten voor onderhoud en dat de bussen volgens een woordvoerder ten minste drie maanden via het industrieterrein rijden.',
    ],
    [
      'pl',
      'Władze miasta poinformowały we wtorek, że most zostanie zamknięty na remont, a autobusy przez co najmniej trzy miesiące będą jeździć objazdem przez strefę przemysłową, jak podał rzecznik.',
    ],
  ])('reads %s', (language, text) => {
    expect(textLanguage(`${text} ${text}`)).toBe(language);
  });

  it('says nothing about a headline or a list of names', () => {
    expect(textLanguage('Hafenstreik legt Containerumschlag lahm')).toBeNull();
    expect(textLanguage('Anna Berger, Jana Weber, Markus Lenz')).toBeNull();
  });
});
