import type DataLoader from "dataloader";
import { itemLoader, listLoader, QueryBatcher } from "./neo4j/batch.js";
import type { Executor } from "./neo4j/executor.js";
import {
  NEXT_BY_ROLE,
  PREVIOUS_BY_ROLE,
  RELATED_BY_ROLE,
  ROLES_BY_ID,
  SKILLS_BY_ROLE,
  TECHNOLOGIES_BY_ROLE,
  TRACK_BY_ROLE,
} from "./roles/role.repository.js";
import type {
  Progression,
  RelatedRole,
  Role,
  RoleSkill,
  RoleTechnology,
} from "./roles/role.type.js";
import { BANDS_OF_ENTITY } from "./salaries/salary-band.repository.js";
import type { SalaryBand } from "./salaries/salary-band.type.js";
import {
  RELATED_SKILLS,
  ROLES_BY_SKILL,
  SKILLS_BY_ID,
  TECHNOLOGIES_BY_SKILL,
} from "./skills/skill.repository.js";
import type { RelatedSkill, Skill } from "./skills/skill.type.js";
import { SOURCES_BY_ID, SOURCES_OF_ENTITY } from "./sources/source.repository.js";
import type { Source } from "./sources/source.type.js";
import {
  ROLES_BY_TECHNOLOGY,
  SKILLS_BY_TECHNOLOGY,
  TECHNOLOGIES_BY_ID,
} from "./technologies/technology.repository.js";
import type { Technology } from "./technologies/technology.type.js";
import { ROLES_BY_TRACK } from "./tracks/track.repository.js";
import type { Track } from "./tracks/track.type.js";

/**
 * One DataLoader per relationship kind, made fresh for every request. They share one
 * QueryBatcher, so the kinds one level of a query asks for are fetched in one round trip.
 */
export interface Loaders {
  roleById: DataLoader<string, Role | null>;
  skillById: DataLoader<string, Skill | null>;
  technologyById: DataLoader<string, Technology | null>;
  sourceById: DataLoader<string, Source | null>;
  trackOfRole: DataLoader<string, Track[]>;
  skillsOfRole: DataLoader<string, RoleSkill[]>;
  technologiesOfRole: DataLoader<string, RoleTechnology[]>;
  nextRoles: DataLoader<string, Progression[]>;
  previousRoles: DataLoader<string, Progression[]>;
  relatedRoles: DataLoader<string, RelatedRole[]>;
  rolesOfTrack: DataLoader<string, Role[]>;
  rolesOfSkill: DataLoader<string, Role[]>;
  technologiesOfSkill: DataLoader<string, Technology[]>;
  relatedSkills: DataLoader<string, RelatedSkill[]>;
  rolesOfTechnology: DataLoader<string, Role[]>;
  skillsOfTechnology: DataLoader<string, Skill[]>;
  /** Bands of a role or a track. */
  salaryBands: DataLoader<string, SalaryBand[]>;
  /** Sources cited by a role, skill, technology or band. */
  sourcesOf: DataLoader<string, Source[]>;
}

export function createLoaders(executor: Executor): Loaders {
  const batcher = new QueryBatcher(executor);
  return {
    roleById: itemLoader(batcher, ROLES_BY_ID),
    skillById: itemLoader(batcher, SKILLS_BY_ID),
    technologyById: itemLoader(batcher, TECHNOLOGIES_BY_ID),
    sourceById: itemLoader(batcher, SOURCES_BY_ID),
    trackOfRole: listLoader(batcher, TRACK_BY_ROLE),
    skillsOfRole: listLoader(batcher, SKILLS_BY_ROLE),
    technologiesOfRole: listLoader(batcher, TECHNOLOGIES_BY_ROLE),
    nextRoles: listLoader(batcher, NEXT_BY_ROLE),
    previousRoles: listLoader(batcher, PREVIOUS_BY_ROLE),
    relatedRoles: listLoader(batcher, RELATED_BY_ROLE),
    rolesOfTrack: listLoader(batcher, ROLES_BY_TRACK),
    rolesOfSkill: listLoader(batcher, ROLES_BY_SKILL),
    technologiesOfSkill: listLoader(batcher, TECHNOLOGIES_BY_SKILL),
    relatedSkills: listLoader(batcher, RELATED_SKILLS),
    rolesOfTechnology: listLoader(batcher, ROLES_BY_TECHNOLOGY),
    skillsOfTechnology: listLoader(batcher, SKILLS_BY_TECHNOLOGY),
    salaryBands: listLoader(batcher, BANDS_OF_ENTITY),
    sourcesOf: listLoader(batcher, SOURCES_OF_ENTITY),
  };
}
