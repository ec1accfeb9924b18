import type { Locator, Page } from 'playwright-core';

/**
 * antd 6.0.0 can drop a mouse selection made right after the dropdown opens (ant-design#55807),
 * so options are chosen with the keyboard, as a keyboard user would. With `search` (a select that
 * searches), the text is typed first and the option waited for, however long the server takes.
 */
export async function chooseWithKeyboard(page: Page, combobox: Locator, title: string, search?: string) {
  // This select's own dropdown: the one before it may still be fading out.
  const listId = await combobox.getAttribute('aria-controls');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const dropdown = listId ? open.filter({ has: page.locator(`[id="${listId}"]`) }) : open;
  if (search === undefined) {
    await combobox.click();
  } else {
    // A chosen value covers the search box; focus it and type, as with the Tab key.
    await combobox.focus();
    await page.keyboard.type(search);
    await dropdown.locator(`.ant-select-item-option[title="${title}"]`).waitFor();
  }
  const active = dropdown.locator('.ant-select-item-option-active');
  await active.waitFor();
  for (let i = 0; i < 10 && (await active.getAttribute('title')) !== title; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/**
 * A modal that is still zooming in moves under the pointer: on a loaded machine a click can land
 * beside its button and do nothing. Returns the dialog once antd has removed its motion classes.
 */
export async function settledDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.and(page.locator('.ant-modal:not(.ant-zoom)')).waitFor();
  return dialog;
}

/**
 * A tree select picked with the mouse has the same fault as a select (the dropdown can stay open
 * over the form without taking the choice), so it too is picked with the keyboard: type to filter,
 * move to the node, Enter.
 */
export async function chooseInTree(page: Page, field: Locator, title: string) {
  const dropdown = page.locator('.ant-tree-select-dropdown:not(.ant-select-dropdown-hidden)');
  await field.focus();
  await page.keyboard.type(title);
  await dropdown.getByTitle(title, { exact: true }).waitFor();
  const active = dropdown.locator('.ant-select-tree-treenode-active');
  for (let i = 0; i < 10 && ((await active.count()) === 0 || (await active.innerText()) !== title); i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await dropdown.waitFor({ state: 'hidden' });
}
