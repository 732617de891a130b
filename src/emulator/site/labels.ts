/**
 * The words a reader sees around the articles (search box, dates, counts, empty states, page titles), in the
 * page's language, as a help center shows them. Languages without a table here fall back to English. What
 * only the author sees on the preview (draft badges, the preview banner, the emulator's footer) stays English,
 * like the rest of pylon-kb's own output. (Longer than ~200 lines because it is data: one table per language.)
 */

export interface SiteLabels {
  /** BCP 47 locale for dates. */
  locale: string;
  search: string;
  searchArticles: string;
  searchTitle: string;
  typeToSearch: string;
  noMatch: (query: string) => string;
  matches: (count: number, query: string) => string;
  articleCount: (count: number) => string;
  updated: string;
  by: string;
  home: string;
  lead: string;
  moreArticles: string;
  otherArticles: string;
  nothingPublished: string;
  emptyCollection: string;
  notFoundTitle: string;
  notFoundText: string;
  notFoundHint: string;
  movedTitle: string;
  movedTo: string;
  language: string;
  breadcrumb: string;
  collections: string;
  /** The heading a callout shows (`> [!TIP]` → "Astuce"), by kind. */
  callouts: Record<'note' | 'tip' | 'important' | 'warning' | 'caution', string>;
}

const one = (count: number, singular: string, plural: string) => (count === 1 ? singular : plural);

const EN: SiteLabels = {
  locale: 'en-US',
  search: 'Search',
  searchArticles: 'Search articles',
  searchTitle: 'Search',
  typeToSearch: 'Type a word in the search box to find articles.',
  noMatch: (q) => `No article matches “${q}”.`,
  matches: (n, q) => `${n} ${one(n, 'article matches', 'articles match')} “${q}”.`,
  articleCount: (n) => `${n} ${one(n, 'article', 'articles')}`,
  updated: 'Updated',
  by: 'by',
  home: 'Home',
  lead: 'Browse the collections below or search for an answer.',
  moreArticles: 'More articles',
  otherArticles: 'Other articles',
  nothingPublished: 'Nothing is published in this knowledge base yet.',
  emptyCollection: 'There are no articles in this collection yet.',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address. It may have moved or not be published yet.',
  notFoundHint: 'Try the search box above, or start from the collections on the left.',
  movedTitle: 'This page has moved',
  movedTo: 'It is now at',
  language: 'Language',
  breadcrumb: 'Breadcrumb',
  collections: 'Collections',
  callouts: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
};

const FR: SiteLabels = {
  locale: 'fr-FR',
  search: 'Rechercher',
  searchArticles: 'Rechercher des articles',
  searchTitle: 'Recherche',
  typeToSearch: 'Saisissez un mot dans le champ de recherche pour trouver des articles.',
  noMatch: (q) => `Aucun article ne correspond à « ${q} ».`,
  matches: (n, q) => `${n} ${one(n, 'article correspond', 'articles correspondent')} à « ${q} ».`,
  articleCount: (n) => `${n} ${one(n, 'article', 'articles')}`,
  updated: 'Mis à jour le',
  by: 'par',
  home: 'Accueil',
  lead: 'Parcourez les collections ci-dessous ou recherchez une réponse.',
  moreArticles: 'Autres articles',
  otherArticles: 'Autres articles',
  nothingPublished: 'Rien n’est encore publié dans cette base de connaissances.',
  emptyCollection: 'Cette collection ne contient encore aucun article.',
  notFoundTitle: 'Page introuvable',
  notFoundText:
    'Il n’y a rien à cette adresse. La page a peut-être été déplacée ou n’est pas encore publiée.',
  notFoundHint: 'Essayez le champ de recherche ci-dessus, ou partez des collections à gauche.',
  movedTitle: 'Cette page a été déplacée',
  movedTo: 'Elle se trouve désormais à l’adresse',
  language: 'Langue',
  breadcrumb: 'Fil d’Ariane',
  collections: 'Collections',
  callouts: {
    note: 'Remarque',
    tip: 'Astuce',
    important: 'Important',
    warning: 'Avertissement',
    caution: 'Attention',
  },
};

const DE: SiteLabels = {
  locale: 'de-DE',
  search: 'Suchen',
  searchArticles: 'Artikel durchsuchen',
  searchTitle: 'Suche',
  typeToSearch: 'Geben Sie ein Wort in das Suchfeld ein, um Artikel zu finden.',
  noMatch: (q) => `Kein Artikel passt zu „${q}“.`,
  matches: (n, q) => `${n} Artikel ${one(n, 'passt', 'passen')} zu „${q}“.`,
  articleCount: (n) => `${n} Artikel`,
  updated: 'Aktualisiert am',
  by: 'von',
  home: 'Startseite',
  lead: 'Stöbern Sie in den Sammlungen unten oder suchen Sie nach einer Antwort.',
  moreArticles: 'Weitere Artikel',
  otherArticles: 'Weitere Artikel',
  nothingPublished: 'In dieser Wissensdatenbank ist noch nichts veröffentlicht.',
  emptyCollection: 'Diese Sammlung enthält noch keine Artikel.',
  notFoundTitle: 'Seite nicht gefunden',
  notFoundText:
    'Unter dieser Adresse gibt es nichts. Die Seite wurde vielleicht verschoben oder ist noch nicht veröffentlicht.',
  notFoundHint: 'Versuchen Sie es mit dem Suchfeld oben oder beginnen Sie bei den Sammlungen links.',
  movedTitle: 'Diese Seite wurde verschoben',
  movedTo: 'Sie befindet sich jetzt unter',
  language: 'Sprache',
  breadcrumb: 'Brotkrümelnavigation',
  collections: 'Sammlungen',
  callouts: { note: 'Hinweis', tip: 'Tipp', important: 'Wichtig', warning: 'Warnung', caution: 'Vorsicht' },
};

const ES: SiteLabels = {
  locale: 'es-ES',
  search: 'Buscar',
  searchArticles: 'Buscar artículos',
  searchTitle: 'Búsqueda',
  typeToSearch: 'Escribe una palabra en el cuadro de búsqueda para encontrar artículos.',
  noMatch: (q) => `Ningún artículo coincide con «${q}».`,
  matches: (n, q) => `${n} ${one(n, 'artículo coincide', 'artículos coinciden')} con «${q}».`,
  articleCount: (n) => `${n} ${one(n, 'artículo', 'artículos')}`,
  updated: 'Actualizado el',
  by: 'por',
  home: 'Inicio',
  lead: 'Explora las colecciones de abajo o busca una respuesta.',
  moreArticles: 'Más artículos',
  otherArticles: 'Otros artículos',
  nothingPublished: 'Todavía no hay nada publicado en esta base de conocimientos.',
  emptyCollection: 'Todavía no hay artículos en esta colección.',
  notFoundTitle: 'Página no encontrada',
  notFoundText: 'No hay nada en esta dirección. Puede que se haya movido o que aún no esté publicada.',
  notFoundHint: 'Prueba el cuadro de búsqueda de arriba o empieza por las colecciones de la izquierda.',
  movedTitle: 'Esta página se ha movido',
  movedTo: 'Ahora está en',
  language: 'Idioma',
  breadcrumb: 'Ruta de navegación',
  collections: 'Colecciones',
  callouts: {
    note: 'Nota',
    tip: 'Consejo',
    important: 'Importante',
    warning: 'Advertencia',
    caution: 'Precaución',
  },
};

const PT: SiteLabels = {
  locale: 'pt-BR',
  search: 'Pesquisar',
  searchArticles: 'Pesquisar artigos',
  searchTitle: 'Pesquisa',
  typeToSearch: 'Digite uma palavra na caixa de pesquisa para encontrar artigos.',
  noMatch: (q) => `Nenhum artigo corresponde a “${q}”.`,
  matches: (n, q) => `${n} ${one(n, 'artigo corresponde', 'artigos correspondem')} a “${q}”.`,
  articleCount: (n) => `${n} ${one(n, 'artigo', 'artigos')}`,
  updated: 'Atualizado em',
  by: 'por',
  home: 'Início',
  lead: 'Navegue pelas coleções abaixo ou pesquise uma resposta.',
  moreArticles: 'Mais artigos',
  otherArticles: 'Outros artigos',
  nothingPublished: 'Ainda não há nada publicado nesta base de conhecimento.',
  emptyCollection: 'Ainda não há artigos nesta coleção.',
  notFoundTitle: 'Página não encontrada',
  notFoundText: 'Não há nada neste endereço. A página pode ter sido movida ou ainda não ter sido publicada.',
  notFoundHint: 'Tente a caixa de pesquisa acima ou comece pelas coleções à esquerda.',
  movedTitle: 'Esta página foi movida',
  movedTo: 'Agora ela está em',
  language: 'Idioma',
  breadcrumb: 'Trilha de navegação',
  collections: 'Coleções',
  callouts: { note: 'Nota', tip: 'Dica', important: 'Importante', warning: 'Aviso', caution: 'Cuidado' },
};

const IT: SiteLabels = {
  locale: 'it-IT',
  search: 'Cerca',
  searchArticles: 'Cerca articoli',
  searchTitle: 'Ricerca',
  typeToSearch: 'Digita una parola nella casella di ricerca per trovare articoli.',
  noMatch: (q) => `Nessun articolo corrisponde a «${q}».`,
  matches: (n, q) => `${n} ${one(n, 'articolo corrisponde', 'articoli corrispondono')} a «${q}».`,
  articleCount: (n) => `${n} ${one(n, 'articolo', 'articoli')}`,
  updated: 'Aggiornato il',
  by: 'di',
  home: 'Home',
  lead: 'Sfoglia le raccolte qui sotto o cerca una risposta.',
  moreArticles: 'Altri articoli',
  otherArticles: 'Altri articoli',
  nothingPublished: 'In questa knowledge base non è ancora stato pubblicato nulla.',
  emptyCollection: 'Questa raccolta non contiene ancora articoli.',
  notFoundTitle: 'Pagina non trovata',
  notFoundText:
    'A questo indirizzo non c’è nulla. La pagina potrebbe essere stata spostata o non essere ancora pubblicata.',
  notFoundHint: 'Prova la casella di ricerca qui sopra o parti dalle raccolte a sinistra.',
  movedTitle: 'Questa pagina è stata spostata',
  movedTo: 'Ora si trova all’indirizzo',
  language: 'Lingua',
  breadcrumb: 'Percorso',
  collections: 'Raccolte',
  callouts: {
    note: 'Nota',
    tip: 'Suggerimento',
    important: 'Importante',
    warning: 'Avviso',
    caution: 'Attenzione',
  },
};

const NL: SiteLabels = {
  locale: 'nl-NL',
  search: 'Zoeken',
  searchArticles: 'Artikelen zoeken',
  searchTitle: 'Zoeken',
  typeToSearch: 'Typ een woord in het zoekvak om artikelen te vinden.',
  noMatch: (q) => `Geen artikel komt overeen met ‘${q}’.`,
  matches: (n, q) => `${n} ${one(n, 'artikel komt', 'artikelen komen')} overeen met ‘${q}’.`,
  articleCount: (n) => `${n} ${one(n, 'artikel', 'artikelen')}`,
  updated: 'Bijgewerkt op',
  by: 'door',
  home: 'Home',
  lead: 'Blader door de collecties hieronder of zoek een antwoord.',
  moreArticles: 'Meer artikelen',
  otherArticles: 'Andere artikelen',
  nothingPublished: 'Er is nog niets gepubliceerd in deze kennisbank.',
  emptyCollection: 'Deze collectie bevat nog geen artikelen.',
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Op dit adres staat niets. De pagina is misschien verplaatst of nog niet gepubliceerd.',
  notFoundHint: 'Probeer het zoekvak hierboven, of begin bij de collecties links.',
  movedTitle: 'Deze pagina is verplaatst',
  movedTo: 'Ze staat nu op',
  language: 'Taal',
  breadcrumb: 'Kruimelpad',
  collections: 'Collecties',
  callouts: {
    note: 'Opmerking',
    tip: 'Tip',
    important: 'Belangrijk',
    warning: 'Waarschuwing',
    caution: 'Let op',
  },
};

const BY_LANGUAGE: Record<string, SiteLabels> = { en: EN, fr: FR, de: DE, es: ES, pt: PT, it: IT, nl: NL };

/** CSS giving each translated language's callouts their heading in that language (the page sets `lang`). */
export function calloutLabelsCss(): string {
  const rules: string[] = [];
  for (const [lang, labels] of Object.entries(BY_LANGUAGE)) {
    if (lang === 'en') continue;
    for (const [kind, label] of Object.entries(labels.callouts))
      rules.push(`blockquote.callout-${kind}:lang(${lang})::before { content: ${JSON.stringify(label)}; }`);
  }
  return `${rules.join('\n')}\n`;
}

/** The labels of a language tag (`fr`, `fr-CA`, `pt_BR`), by its primary subtag; English otherwise. */
export function siteLabels(lang: string): SiteLabels {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return BY_LANGUAGE[primary] ?? EN;
}

/** `2026-12-01T09:00:00Z` → `December 1, 2026` / `1 décembre 2026` (UTC, so every machine shows the same date). */
export function formatDate(iso: string, labels: SiteLabels = EN): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(labels.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
