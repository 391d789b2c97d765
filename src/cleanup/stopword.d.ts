// The stop-word package ships no types: it exports one array of words per ISO 639-3 code.
declare module 'stopword';
