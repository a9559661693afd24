import { Module } from '@nestjs/common';
import { LandUsersController } from './land-users.controller.js';
import { LandUsersService } from './land-users.service.js';

@Module({ controllers: [LandUsersController], providers: [LandUsersService], exports: [LandUsersService] })
export class LandUsersModule {}
