// Search over role titles and aliases, skill, technology and track names, and the joined-word
// terms the loader adds (searchTerms: "backend" for "Back End"). Replaces the first index, which
// lacked tracks and those terms.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search_terms IF NOT EXISTS
FOR (n:Role|Skill|Technology|Track) ON EACH [n.title, n.aliases, n.name, n.searchTerms]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
