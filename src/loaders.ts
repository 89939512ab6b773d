import type DataLoader from "dataloader";
import { itemLoader, listLoader } from "./neo4j/batch.js";
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

/** One DataLoader per relationship kind, made fresh for every request. */
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
  return {
    roleById: itemLoader(executor, ROLES_BY_ID),
    skillById: itemLoader(executor, SKILLS_BY_ID),
    technologyById: itemLoader(executor, TECHNOLOGIES_BY_ID),
    sourceById: itemLoader(executor, SOURCES_BY_ID),
    trackOfRole: listLoader(executor, TRACK_BY_ROLE),
    skillsOfRole: listLoader(executor, SKILLS_BY_ROLE),
    technologiesOfRole: listLoader(executor, TECHNOLOGIES_BY_ROLE),
    nextRoles: listLoader(executor, NEXT_BY_ROLE),
    previousRoles: listLoader(executor, PREVIOUS_BY_ROLE),
    relatedRoles: listLoader(executor, RELATED_BY_ROLE),
    rolesOfTrack: listLoader(executor, ROLES_BY_TRACK),
    rolesOfSkill: listLoader(executor, ROLES_BY_SKILL),
    technologiesOfSkill: listLoader(executor, TECHNOLOGIES_BY_SKILL),
    relatedSkills: listLoader(executor, RELATED_SKILLS),
    rolesOfTechnology: listLoader(executor, ROLES_BY_TECHNOLOGY),
    skillsOfTechnology: listLoader(executor, SKILLS_BY_TECHNOLOGY),
    salaryBands: listLoader(executor, BANDS_OF_ENTITY),
    sourcesOf: listLoader(executor, SOURCES_OF_ENTITY),
  };
}
