/** The word "and" in the languages drafts are written in, for patterns that join two items. */
export const AND =
  "and|y|e|et|und|i|и|і|та|ve|và|dan|en|og|och|ja|és|și|a|kaj|na|και|ו|و|และ|和|與|与|및|と";
