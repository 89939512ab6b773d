import type DataLoader from "dataloader";
import { itemLoader, listLoader } from "./neo4j/batch.js";
import type { Executor } from "./neo4j/executor.js";
import {
  NEXT_BY_ROLE,
  PREVIOUS_BY_ROLE,
  ROLES_BY_ID,
  SKILLS_BY_ROLE,
  TECHNOLOGIES_BY_ROLE,
  TRACK_BY_ROLE,
} from "./roles/role.repository.js";
import type { Progression, Role, RoleSkill, RoleTechnology } from "./roles/role.type.js";
import { ROLES_BY_TRACK } from "./tracks/track.repository.js";
import type { Track } from "./tracks/track.type.js";

/** One DataLoader per relationship kind, made fresh for every request. */
export interface Loaders {
  roleById: DataLoader<string, Role | null>;
  trackOfRole: DataLoader<string, Track[]>;
  skillsOfRole: DataLoader<string, RoleSkill[]>;
  technologiesOfRole: DataLoader<string, RoleTechnology[]>;
  nextRoles: DataLoader<string, Progression[]>;
  previousRoles: DataLoader<string, Progression[]>;
  rolesOfTrack: DataLoader<string, Role[]>;
}

export function createLoaders(executor: Executor): Loaders {
  return {
    roleById: itemLoader(executor, ROLES_BY_ID),
    trackOfRole: listLoader(executor, TRACK_BY_ROLE),
    skillsOfRole: listLoader(executor, SKILLS_BY_ROLE),
    technologiesOfRole: listLoader(executor, TECHNOLOGIES_BY_ROLE),
    nextRoles: listLoader(executor, NEXT_BY_ROLE),
    previousRoles: listLoader(executor, PREVIOUS_BY_ROLE),
    rolesOfTrack: listLoader(executor, ROLES_BY_TRACK),
  };
}
