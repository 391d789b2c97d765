<?xml version="1.0" encoding="UTF-8"?>
<!-- Project pronunciation lexicon (W3C PLS 1.0). narrate applies it for every voice;
     check an entry with: npx narrate say "Moreno" -->
<lexicon version="1.0"
    xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
    alphabet="ipa" xml:lang="en-US">
  <lexeme>
    <grapheme>Millbrook</grapheme>
    <phoneme>ˈmɪlbɹʊk</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>Moreno</grapheme>
    <phoneme>məˈɹeɪnoʊ</phoneme>
  </lexeme>
  <lexeme>
    <grapheme>Fenwick</grapheme>
    <alias>Fennick</alias>
  </lexeme>
</lexicon>
