// The documents resolver.
#include <algorithm>
#include <set>

#include "workers/extract/fields/fields.h"

namespace parley::extract {

std::vector<v1::Document> ResolveDocuments(const Context& c, const std::set<int>& sentences,
                                           std::vector<FieldEvidence>* evidence) {
  const Annotations& a = c.a;
  std::vector<v1::Document> out;
  std::set<v1::DocumentType> seen;
  for (int s : sentences) {
    if (!a.SentenceHasWord(s, WordClass::kSigningVerb)) {
      continue;
    }
    const Sentence& sentence = a.sentence(s);
    for (int mi : a.entities_in[s]) {
      const Match& match = a.entities[mi];
      const Entry* doc = match.Of(EntryType::kDocument);
      if (doc == nullptr) {
        continue;
      }
      const int first = match.first;
      if (first > sentence.first_token && a.Is(first - 1, WordClass::kDocumentNegator)) {
        continue;  // "a draft declaration", "no agreement".
      }
      // "statement" alone is a document only when issued/adopted, not "said in a statement".
      if (doc->surface == "statement" &&
          (first == sentence.first_token || a.fold(first - 1) == "a") &&
          !(first >= 2 && a.Is(first - 2, WordClass::kDocumentIssuer))) {
        continue;
      }
      // The signing must be about this document: a verb within a few words of it.
      bool near_verb = false;
      for (int k = std::max(sentence.first_token, first - 8);
           k < std::min(sentence.end_token, match.end + 8) && !near_verb; ++k) {
        // "the internationally-agreed roadmap" is an adjective, not a signing.
        const bool compound =
            k > sentence.first_token && a.fold(k - 1) == "-" && a.tok(k - 1).end == a.tok(k).begin;
        near_verb = a.Is(k, WordClass::kSigningVerb) && !compound;
      }
      if (!near_verb || !seen.insert(doc->document).second) {
        continue;
      }
      v1::Document out_doc;
      out_doc.set_type(doc->document);
      out.push_back(out_doc);
      evidence->push_back(
          {"documents", match.first, match.end, v1::DocumentType_Name(doc->document)});
    }
  }
  return out;
}

}  // namespace parley::extract
