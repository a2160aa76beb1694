import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountHistoryQueryDto,
  AccountIdDto,
  AccountView,
  CreateAccountDto,
  CrmSubjects,
  FieldChangeView,
  ListAccountsQueryDto,
  Page,
  UpdateAccountCommandDto,
} from '@sales-suite/contracts';
import { Actor } from '@sales-suite/messaging';
import { ContactsService } from '../contacts/contacts.service';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsHandlers {
  constructor(
    private readonly accounts: AccountsService,
    private readonly contacts: ContactsService,
  ) {}

  @MessagePattern(CrmSubjects.CreateAccount)
  create(@Payload() dto: CreateAccountDto, @Actor() actor: string): Promise<AccountView> {
    return this.accounts.create(dto, actor);
  }

  @MessagePattern(CrmSubjects.UpdateAccount)
  update(@Payload() dto: UpdateAccountCommandDto, @Actor() actor: string): Promise<AccountView> {
    return this.accounts.update(dto, actor);
  }

  @MessagePattern(CrmSubjects.GetAccount)
  get(@Payload() { id }: AccountIdDto): Promise<AccountView> {
    return this.accounts.get(id);
  }

  @MessagePattern(CrmSubjects.ListAccounts)
  list(@Payload() query: ListAccountsQueryDto): Promise<Page<AccountView>> {
    return this.accounts.list(query);
  }

  @MessagePattern(CrmSubjects.AccountHistory)
  history(@Payload() query: AccountHistoryQueryDto): Promise<Page<FieldChangeView>> {
    return this.contacts.history(query, 'account');
  }
}
